import type { Experiences, WaymarkConfigInput } from '@waymark/core';
import { adminUrl } from '../api.js';
import { ChoiceSelect } from '../components/choice-select.js';
import { Status } from '../components/status.js';
import { AnnouncementTable } from '../experiences/announcement-table.js';
import { GuideTable } from '../experiences/guide-table.js';
import { navigate } from '../router.js';
import { useResource } from '../use-resource.js';

const dayChoices = [7, 14, 30, 60, 90].map((d) => ({ value: String(d), label: `${d} days` }));

/** Guides and announcements: reach, completion or click-through, and the goal or feature adoption that followed within N days. */
export function ExperiencesView(props: { appId: string; config: WaymarkConfigInput | undefined; query: URLSearchParams }) {
  const days = Number(props.query.get('days') ?? 14) || 14;
  const data = useResource<Experiences>(adminUrl(props.appId, 'experiences', { days }));
  const d = data.data;
  const setDays = (v: string) => navigate(`/a/${encodeURIComponent(props.appId)}/experiences?days=${v}`);
  return (
    <section class="experiences-view">
      <h1>Experiences</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Experience options">
        <ChoiceSelect label="Goal and adoption window" value={String(days)} choices={dayChoices} onChange={setDays} />
        <p class="muted small filters-note">
          Distinct users. A goal counts when the guide's checklist item is done within the window after the first start; a feature counts as adopted when used
          within the window after seeing the announcement, or, for users who did not see it, after their first visit since it was published.
        </p>
      </form>
      <Status loading={data.loading && !d} error={data.error} />
      {d && (
        <>
          <h2>Guides</h2>
          {d.guides.length === 0 ? (
            <p class="notice">
              No guides yet. Add guides to the config, give one a <code>trigger</code> to start it by itself, and name it as a checklist item's{' '}
              <code>guide</code> to measure its goal.
            </p>
          ) : (
            <GuideTable guides={d.guides} days={d.days} config={props.config} />
          )}
          <h2>Announcements</h2>
          {d.announcements.length === 0 ? (
            <p class="notice">
              No announcements yet. Add an <code>announcements</code> section to the config, and give each a <code>feature</code> to compare that feature's
              adoption by users who saw it with users who did not.
            </p>
          ) : (
            <AnnouncementTable announcements={d.announcements} days={d.days} config={props.config} />
          )}
        </>
      )}
    </section>
  );
}

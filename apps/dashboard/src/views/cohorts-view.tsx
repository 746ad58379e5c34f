import { useMemo } from 'preact/hooks';
import { adminUrl } from '../api.js';
import { ChoiceSelect, milestoneChoices } from '../components/choice-select.js';
import { LineChart } from '../components/line-chart.js';
import { Status } from '../components/status.js';
import { date } from '../format.js';
import { navigate } from '../router.js';
import type { Cohort, WaymarkConfigInput } from '@waymark/core';
import { useResource } from '../use-resource.js';

const weekChoices = [4, 8, 12, 26].map((w) => ({ value: String(w), label: `last ${w}` }));

const percent = (v: number) => `${Math.round(v * 100)}%`;
// Newest cohorts warm and dark, older ones cooler and lighter.
const colour = (i: number, n: number) => `hsl(${(210 + (i * 140) / Math.max(1, n - 1)) % 360} 70% ${38 + (i * 22) / Math.max(1, n - 1)}%)`;

/** Cohort curves: per start week, the share of accounts that reached a milestone by each day (one line per week). */
export function CohortsView(props: { appId: string; config: WaymarkConfigInput | undefined; query: URLSearchParams }) {
  const milestones = props.config?.milestones ?? [];
  const milestone = props.query.get('milestone') ?? milestones[0]?.key;
  const weeks = Number(props.query.get('weeks') ?? 12) || 12;
  const data = useResource<{ days: number; cohorts: Cohort[] }>(milestone ? adminUrl(props.appId, 'cohorts', { milestone, weeks, days: 90 }) : undefined);
  const chart = useMemo(() => {
    const d = data.data;
    if (!d || !milestone) return undefined;
    const cohorts = d.cohorts.filter((c) => c.milestones[milestone]);
    return {
      x: Array.from({ length: d.days + 1 }, (_, i) => i),
      lines: cohorts.map((c, i) => ({ label: `${c.week} (${c.accounts})`, values: c.milestones[milestone]!, color: colour(i, cohorts.length) })),
    };
  }, [data.data, milestone]);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(props.query);
    next.set(k, v);
    navigate(`/a/${encodeURIComponent(props.appId)}/cohorts?${next}`);
  };
  return (
    <section>
      <h1>Cohort curves</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Cohort options">
        <ChoiceSelect label="Milestone" value={milestone ?? ''} choices={milestoneChoices(milestones)} onChange={(v) => set('milestone', v)} />
        <ChoiceSelect label="Start weeks" value={String(weeks)} choices={weekChoices} onChange={(v) => set('weeks', v)} />
      </form>
      {!milestone && <p class="notice">The app's config has no milestones.</p>}
      <Status loading={data.loading && !data.data} error={data.error} empty={chart?.lines.length === 0 && 'No accounts started in these weeks.'} />
      {chart && chart.lines.length > 0 && (
        <div class="panel">
          <p class="muted small">
            Share of each start week's accounts (Monday, UTC; accounts in brackets) that reached the milestone by day D. A line stops where no account of the
            week has lived that long. Newest week: {date(chart.lines[0]!.label.slice(0, 10))}.
          </p>
          <LineChart
            title={`Reached “${milestones.find((m) => m.key === milestone)?.name ?? milestone}” by day`}
            x={chart.x}
            lines={chart.lines}
            yRange={[0, 1]}
            format={percent}
            height={320}
          />
        </div>
      )}
    </section>
  );
}

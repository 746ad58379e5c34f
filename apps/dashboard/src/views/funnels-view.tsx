import { adminUrl } from '../api.js';
import { Bars } from '../components/bars.js';
import { Status } from '../components/status.js';
import { pct } from '../format.js';
import type { Funnels, WaymarkConfigInput } from '@waymark/core';
import { useResource } from '../use-resource.js';

/** One funnel: a panel with its title, a summary line and its bars. */
function FunnelCard(props: { title: string; summary: string; caption: string; rows: Parameters<typeof Bars>[0]['rows'] }) {
  return (
    <div class="panel">
      <h3>{props.title}</h3>
      <p class="muted small">{props.summary}</p>
      <Bars caption={props.caption} rows={props.rows} />
    </div>
  );
}

/** Guide funnels (started, each step, completed, dismissed, errored) and checklist completion with each item, across the app. */
export function FunnelsView(props: { appId: string; config: WaymarkConfigInput | undefined }) {
  const data = useResource<Funnels>(adminUrl(props.appId, 'funnels'));
  const d = data.data;
  const guideName = (key: string) => props.config?.guides?.find((g) => g.key === key);
  const checklist = (key: string) => props.config?.checklists?.find((c) => c.key === key);
  return (
    <section>
      <h1>Funnels</h1>
      <Status loading={data.loading && !d} error={data.error} />
      {d && (
        <>
          <h2>Checklists</h2>
          {d.checklists.length === 0 && <p class="notice">No checklists.</p>}
          <div class="grid-2">
            {d.checklists.map((c) => {
              const cfg = checklist(c.checklist);
              return (
                <FunnelCard
                  key={c.checklist}
                  title={cfg?.title ?? c.checklist}
                  summary={`${c.completed} of ${c.users} users finished (${pct(c.rate)}); ${pct(c.itemRate)} of all items done.`}
                  caption={`Users who did each item of ${c.checklist}`}
                  rows={[
                    { label: 'Users', value: c.users },
                    ...c.items.map((i) => ({
                      label: cfg?.items.find((x) => x.key === i.item)?.title ?? i.item,
                      value: i.users,
                      ratio: c.users ? i.users / c.users : undefined,
                    })),
                    { label: 'Finished', value: c.completed, ratio: c.rate, tone: 'good' as const },
                  ]}
                />
              );
            })}
          </div>
          <h2>Guides</h2>
          {d.guides.length === 0 && <p class="notice">No guides.</p>}
          <div class="grid-2">
            {d.guides.map((g) => {
              const cfg = guideName(g.guide);
              return (
                <FunnelCard
                  key={g.guide}
                  title={cfg?.title ?? g.guide}
                  summary={`${g.started} started · ${pct(g.completionRate)} completed · ${pct(g.dismissRate)} dismissed · ${pct(g.errorRate)} errored`}
                  caption={`Funnel of guide ${g.guide}`}
                  rows={[
                    { label: 'Started', value: g.started },
                    ...g.stepConversion.map((s) => ({
                      label: `Step ${s.step + 1}: ${cfg?.steps[s.step]?.title ?? g.stepKeys[s.step] ?? ''}`,
                      value: s.count,
                      ratio: s.fromStart,
                    })),
                    { label: 'Completed', value: g.completed, ratio: g.completionRate, tone: 'good' as const },
                    { label: 'Dismissed', value: g.dismissed, ratio: g.dismissRate, tone: 'neutral' as const },
                    { label: 'Errored', value: g.errored, ratio: g.errorRate, tone: 'bad' as const },
                  ]}
                />
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

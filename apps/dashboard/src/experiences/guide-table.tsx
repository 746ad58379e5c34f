import type { GuideExperience, WaymarkConfigInput } from '@waymark/core';
import { ColumnHeads } from '../components/column-heads.js';
import { ShareMeter } from './share-meter.js';

/** The guides of the experiences report: reach, share started by a trigger, completion, dismissals and the goal reached after. */
export function GuideTable(props: { guides: GuideExperience[]; days: number; config: WaymarkConfigInput | undefined }) {
  const itemTitle = (checklist: string, item: string) =>
    props.config?.checklists?.find((c) => c.key === checklist)?.items.find((i) => i.key === item)?.title ?? item;
  return (
    <div class="table-wrap">
      <table class="table experiences">
        <caption class="sr-only">Guides: reach and what followed</caption>
        <ColumnHeads
          columns={['Guide', { label: 'Reach', class: 'num' }, 'Started by trigger', 'Completed', 'Dismissed', `Goal reached within ${props.days} days`]}
        />
        <tbody>
          {props.guides.map((g) => (
            <tr key={g.key}>
              <th scope="row">
                {g.title}
                <div class="muted small">{g.key}</div>
              </th>
              <td class="num">{g.started}</td>
              <td>
                <ShareMeter count={g.autoStarted} share={g.started ? g.autoStarted / g.started : undefined} label="of starts" />
              </td>
              <td>
                <ShareMeter count={g.completed} share={g.completionRate} tone="good" label="completion rate" />
              </td>
              <td>
                <ShareMeter count={g.dismissed} share={g.started ? g.dismissed / g.started : undefined} tone="warn" label="dismissed" />
              </td>
              <td>
                {g.goal ? (
                  <>
                    <ShareMeter count={g.goal.reachedAfter} share={g.goal.rate} tone="good" label="of those who started" />
                    <div class="muted small">{itemTitle(g.goal.checklist, g.goal.item)}</div>
                  </>
                ) : (
                  <span class="muted small">No checklist item links to this guide</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

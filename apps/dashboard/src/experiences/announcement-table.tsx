import type { AnnouncementExperience, WaymarkConfigInput } from '@waymark/core';
import { ColumnHeads } from '../components/column-heads.js';
import { AdoptionCompare } from './adoption-compare.js';
import { ShareMeter } from './share-meter.js';

const kinds: Readonly<Record<string, string>> = { modal: 'Modal', banner: 'Banner', slideout: 'Slide-out', hotspot: 'Hotspot' };

/** The announcements of the experiences report: reach, click-through, dismissals and the adoption of the announced feature. */
export function AnnouncementTable(props: { announcements: AnnouncementExperience[]; days: number; config: WaymarkConfigInput | undefined }) {
  const featureName = (key: string) => props.config?.features?.find((f) => f.key === key)?.name ?? key;
  return (
    <div class="table-wrap">
      <table class="table experiences">
        <caption class="sr-only">Announcements: reach, click-through and feature adoption</caption>
        <ColumnHeads columns={['Announcement', { label: 'Reach', class: 'num' }, 'Clicked', 'Dismissed', `Feature used within ${props.days} days`]} />
        <tbody>
          {props.announcements.map((a) => (
            <tr key={a.key}>
              <th scope="row">
                {a.title}
                <div class="muted small">
                  {a.kind ? kinds[a.kind] : 'No longer in the config'} · {a.key}
                </div>
              </th>
              <td class="num">{a.seen}</td>
              <td>
                <ShareMeter count={a.clicked} share={a.clickThrough} tone="good" label="click-through" />
              </td>
              <td>
                <ShareMeter count={a.dismissed} share={a.dismissRate} tone="warn" label="dismissed" />
              </td>
              <td>
                {a.feature ? (
                  <>
                    <div class="small">{featureName(a.feature.key)}</div>
                    <AdoptionCompare adoption={a.feature} featureName={featureName(a.feature.key)} />
                  </>
                ) : (
                  <span class="muted small">
                    Names no feature. Set its <code>feature</code> to compare adoption.
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

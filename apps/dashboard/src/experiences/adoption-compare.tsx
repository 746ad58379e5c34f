import type { AnnouncementExperience } from '@waymark/core';
import { pct } from '../format.js';
import { ShareMeter } from './share-meter.js';

type Adoption = NonNullable<AnnouncementExperience['feature']>;

/** The difference between two rates in percentage points ("+12 pts"); a dash when either is unknown. */
const lift = (a: number | undefined, b: number | undefined) => {
  if (a === undefined || b === undefined) return '—';
  const pts = Math.round((a - b) * 100);
  return `${pts > 0 ? '+' : ''}${pts} pts`;
};

/** Adoption of the announced feature: users who saw the announcement against eligible users who did not, and the difference. */
export function AdoptionCompare(props: { adoption: Adoption; featureName: string }) {
  const { seen, notSeen } = props.adoption;
  return (
    <dl class="adoption" aria-label={`Adoption of ${props.featureName} within ${props.adoption.days} days`}>
      <dt>Saw it</dt>
      <dd>
        <ShareMeter count={seen.adopted} share={seen.rate} tone="good" label={`of ${seen.users} who saw it`} />
        <span class="muted small"> of {seen.users}</span>
      </dd>
      <dt>Did not</dt>
      <dd>
        <ShareMeter count={notSeen.adopted} share={notSeen.rate} tone="info" label={`of ${notSeen.users} who did not see it`} />
        <span class="muted small"> of {notSeen.users}</span>
      </dd>
      <dt>Difference</dt>
      <dd title={`${pct(seen.rate)} against ${pct(notSeen.rate)}`}>{lift(seen.rate, notSeen.rate)}</dd>
    </dl>
  );
}

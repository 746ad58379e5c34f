import type { HealthComponent } from './health-weights.js';

/**
 * What a low health component means, in one line ("use at 40% of its usual level"); `value` is
 * 0–100. `hasBaseline: false` says activity was measured before the account had a usual level
 * (its first two weeks), as the share of recent days with anyone active.
 */
export function componentReason(component: HealthComponent, value: number, hasBaseline = true): string {
  const v = Math.round(value);
  switch (component) {
    case 'activity':
      return hasBaseline ? `use at ${v}% of its usual level` : `anyone active on ${v}% of the last days`;
    case 'seats':
      return `${v}% of seats active in the last 28 days`;
    case 'breadth':
      return `${v}% of core features used`;
    case 'milestones':
      return `${v}% of due milestones reached on time`;
    case 'depth':
      return `active users come back on few days (${v}% of every working day)`;
  }
}

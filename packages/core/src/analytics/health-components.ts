import type { DailyActiveUsers } from './daily-active-users.js';
import { depth } from './depth.js';
import type { HealthComponents } from './health-score.js';
import type { MilestoneStatus } from './milestone-status.js';

/** The account's metrics on one day, as the health components need them. */
export interface HealthInputs {
  daily: DailyActiveUsers;
  /** The account day. */
  day: number;
  /** `seatActivation`; undefined when the seats are unknown. */
  seatActivation: number | undefined;
  /** `breadth`; undefined when there are no core features. */
  breadth: number | undefined;
  /** The status of each milestone the account is measured on. */
  milestones: readonly MilestoneStatus[];
}

const percent = (share: number) => 100 * Math.min(1, Math.max(0, share));

/**
 * The health components (each 0–100) from an account's metrics:
 * activity = days with any active user among the last 7 (fewer for a younger account);
 * seatActivation and breadth = the ratio, capped at 100; milestones = on-time share of the
 * milestones that are settled (reached, or overdue); depth = the median active days over 28 days
 * against 5 of every 7 days (every working day scores 100), and 0 with nobody active.
 */
export function healthComponents(inputs: HealthInputs): HealthComponents {
  const { daily, day } = inputs;
  const from = Math.max(0, day - 6);
  let activeDays = 0;
  for (let d = from; d <= day; d++) if ((daily.get(d)?.size ?? 0) > 0) activeDays++;
  const settled = inputs.milestones.filter((s) => s !== 'not-yet-due');
  const depthWindow = Math.min(28, day + 1);
  return {
    activity: percent(activeDays / (day - from + 1)),
    seatActivation: inputs.seatActivation === undefined ? undefined : percent(inputs.seatActivation),
    breadth: inputs.breadth === undefined ? undefined : percent(inputs.breadth),
    milestones: settled.length === 0 ? undefined : percent(settled.filter((s) => s === 'on-time').length / settled.length),
    depth: percent((depth(daily, day) ?? 0) / ((depthWindow * 5) / 7)),
  };
}

import type { DailyActiveUsers } from './daily-active-users.js';
import { depth } from './depth.js';
import type { HealthComponents } from './health-score.js';
import type { MilestoneStatus } from './milestone-status.js';
import { recentSeats } from './recent-seats.js';
import { weekdayBaseline } from './weekday-baseline.js';

/** The account's metrics on one day, as the health components need them. */
export interface HealthInputs {
  daily: DailyActiveUsers;
  /** Active users per account day (index = day; missing entries count as 0). */
  activeByDay: readonly number[];
  /** The account day. */
  day: number;
  /** Licensed seats; undefined when unknown. */
  seats: number | undefined;
  /** `breadth`; undefined when there are no core features. */
  breadth: number | undefined;
  /** The status of each milestone the account is measured on. */
  milestones: readonly MilestoneStatus[];
}

const percent = (share: number) => 100 * Math.min(1, Math.max(0, share));

/**
 * Recent use against the account's usual level (0–1): active user-days over the last 7 whole days
 * (`day − 7` to `day − 1`) against the same weekdays of the up to 4 weeks before them
 * (`weekdayBaseline`), capped at 1. Undefined until every day of that window has a baseline (from
 * account day 14 on).
 */
export function usageAgainstBaseline(activeByDay: readonly number[], day: number): number | undefined {
  if (day < 14) return undefined;
  let current = 0;
  let usual = 0;
  for (let d = day - 7; d < day; d++) {
    current += activeByDay[d] ?? 0;
    usual += weekdayBaseline(activeByDay, d, day - 7) ?? 0;
  }
  if (usual === 0) return current > 0 ? 1 : 0;
  return Math.min(1, current / usual);
}

/**
 * The health components (each 0–100) on account day `day`:
 * activity = recent use against the account's usual level (`usageAgainstBaseline`); before the
 * account has a baseline, the share of the last 7 days with any active user;
 * seats = the share of seats active in the last 28 days, capped at 100;
 * breadth = the ratio, capped at 100; milestones = on-time share of the milestones that are
 * settled (reached, or overdue); depth = the median active days over 28 days against 5 of every 7
 * days (every working day scores 100), and 0 with nobody active.
 */
export function healthComponents(inputs: HealthInputs): HealthComponents {
  const { daily, day } = inputs;
  let activity = usageAgainstBaseline(inputs.activeByDay, day);
  if (activity === undefined) {
    const from = Math.max(0, day - 6);
    let activeDays = 0;
    for (let d = from; d <= day; d++) if ((inputs.activeByDay[d] ?? 0) > 0) activeDays++;
    activity = activeDays / (day - from + 1);
  }
  const seats = recentSeats(daily, day, inputs.seats).share28;
  const settled = inputs.milestones.filter((s) => s !== 'not-yet-due');
  const depthWindow = Math.min(28, day + 1);
  return {
    activity: percent(activity),
    seats: seats === undefined ? undefined : percent(seats),
    breadth: inputs.breadth === undefined ? undefined : percent(inputs.breadth),
    milestones: settled.length === 0 ? undefined : percent(settled.filter((s) => s === 'on-time').length / settled.length),
    depth: percent((depth(daily, day) ?? 0) / ((depthWindow * 5) / 7)),
  };
}

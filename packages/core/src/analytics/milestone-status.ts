/** How a milestone stands against its target day. */
export type MilestoneStatus = 'on-time' | 'late' | 'overdue' | 'not-yet-due';

/** A milestone's target day, the day it was reached, and the account's current day (all account days, see `accountDay`). */
export interface MilestoneTiming {
  /** The day it should be reached by (inclusive); undefined when it has none. */
  targetDay: number | undefined;
  /** The day it was reached; undefined when not reached. */
  reachedDay: number | undefined;
  /** The account's day now. */
  currentDay: number;
}

/**
 * The milestone's status: reached on or before its target day (or reached with no target) is
 * `on-time`, reached after it `late`; not reached and the target day is over `overdue`, otherwise
 * (including no target) `not-yet-due`. The target day itself still counts as in time.
 */
export function milestoneStatus({ targetDay, reachedDay, currentDay }: MilestoneTiming): MilestoneStatus {
  if (reachedDay !== undefined) return targetDay === undefined || reachedDay <= targetDay ? 'on-time' : 'late';
  return targetDay !== undefined && currentDay > targetDay ? 'overdue' : 'not-yet-due';
}

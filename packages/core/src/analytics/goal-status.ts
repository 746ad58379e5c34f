import { milestoneStatus } from './milestone-status.js';

/** Where a success-plan goal stands. */
export type GoalStatus = 'done' | 'on-track' | 'at-risk' | 'overdue';

/** Days before the due day from which an open goal is at risk, whatever its length. */
export const goalRiskDays = 7;
/** Share of the goal's time (day 0 to its due day) left below which an open goal is at risk. */
export const goalRiskShare = 0.25;

/**
 * A goal's status on the account's `currentDay` (account days, see `accountDay`): `done` once its
 * milestone is reached (on time or late); `overdue` when not reached and the due day is over (the
 * due day itself still counts, as in `milestoneStatus`); `at-risk` when at most `goalRiskDays`
 * days are left or less than `goalRiskShare` of the time from day 0 to the due day; else `on-track`.
 */
export function goalStatus(goal: { dueDay: number; reachedDay: number | undefined; currentDay: number }): GoalStatus {
  const status = milestoneStatus({ targetDay: goal.dueDay, reachedDay: goal.reachedDay, currentDay: goal.currentDay });
  if (status === 'on-time' || status === 'late') return 'done';
  if (status === 'overdue') return 'overdue';
  const left = goal.dueDay - goal.currentDay;
  return left <= goalRiskDays || left < goalRiskShare * goal.dueDay ? 'at-risk' : 'on-track';
}

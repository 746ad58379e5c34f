import type { GoalStatus } from '@waymark/core';

/** One goal of an account's success plan, as stored (dueDay filled in). */
export interface PlanGoal {
  milestone: string;
  /** The account day it is due by (inclusive). */
  dueDay: number;
  owner?: string;
  note?: string;
}

/** A goal with where it stands on the account's current day. */
export interface GoalView extends PlanGoal {
  /** The milestone's name in the current config (its key when the config no longer has it). */
  name: string;
  status: GoalStatus;
  /** When the milestone was first reached by the account (or, for a user milestone, by its first user). */
  reachedAt: string | null;
  reachedDay: number | null;
  /** Due day minus the current day: negative once overdue. */
  daysLeft: number;
}

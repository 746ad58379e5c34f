/** A success-plan goal as stored (dueDay filled in), and with where it stands on the account's current day: core's contract types. */
export type { GoalView, PlanGoal } from '@waymark/core';

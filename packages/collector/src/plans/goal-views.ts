import { accountDay, goalStatus, type WaymarkConfig } from '@waymark/core';
import type { GoalView, PlanGoal } from './plan-goal.js';

/**
 * Each goal with its status on the account's current day: reached milestones (first reach, ms,
 * by key) are done; the rest on track, at risk or overdue by core's `goalStatus`.
 */
export function goalViews(
  goals: readonly PlanGoal[],
  context: { config: WaymarkConfig | undefined; reached: ReadonlyMap<string, number>; startAt: number; timeZone: string | undefined; now: number },
): GoalView[] {
  const names = new Map((context.config?.milestones ?? []).map((m) => [m.key, m.name]));
  const currentDay = accountDay(context.startAt, context.now, context.timeZone);
  return goals.map((g) => {
    const at = context.reached.get(g.milestone);
    const reachedDay = at === undefined ? undefined : accountDay(context.startAt, at, context.timeZone);
    return {
      ...g,
      name: names.get(g.milestone) ?? g.milestone,
      status: goalStatus({ dueDay: g.dueDay, reachedDay, currentDay }),
      reachedAt: at === undefined ? null : new Date(at).toISOString(),
      reachedDay: reachedDay ?? null,
      daysLeft: g.dueDay - currentDay,
    };
  });
}

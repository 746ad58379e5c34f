import type { WaymarkConfig } from '@waymark/core';
import type { PlanGoal } from './plan-goal.js';

/**
 * The config's success plan for an account of `segment` (the `segment` trait, else `plan`): the
 * plan of that segment, else the plan without a segment, else none (no goals). A goal's dueDay
 * defaults to its milestone's targetDay.
 */
export function defaultPlan(config: WaymarkConfig | undefined, segment: string | undefined): { segment: string | null; goals: PlanGoal[] } {
  const plans = config?.successPlans ?? [];
  const plan = (segment !== undefined ? plans.find((p) => p.segment === segment) : undefined) ?? plans.find((p) => p.segment === undefined);
  if (!plan || !config) return { segment: null, goals: [] };
  const target = new Map(config.milestones.map((m) => [m.key, m.targetDay]));
  return {
    segment: plan.segment ?? null,
    goals: plan.goals.map((g) => ({
      milestone: g.milestone,
      dueDay: g.dueDay ?? target.get(g.milestone) ?? 0,
      ...(g.owner !== undefined ? { owner: g.owner } : {}),
    })),
  };
}

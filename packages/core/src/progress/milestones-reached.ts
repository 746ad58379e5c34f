import { daysSince, type ConditionFacts } from '../condition/condition-facts.js';
import { evaluateCondition } from '../condition/evaluate-condition.js';
import type { Milestone } from '../config/milestone.js';

/** A milestone that holds, with the day of its scope it holds on. */
export interface MilestoneReached {
  key: string;
  scope: Milestone['scope'];
  /** Whole days since the user or account started, at `facts.now`; undefined when the start is unknown. */
  day: number | undefined;
  /** Whether `day` is within the milestone's target day; undefined when the day is unknown. */
  onTime: boolean | undefined;
}

/**
 * The config's milestones that are reached (recorded, or their condition holds now), in config
 * order. The day is that of `facts.now`: record it the first time a milestone shows up here.
 */
export function milestonesReached(config: { milestones: readonly Milestone[] }, facts: ConditionFacts): MilestoneReached[] {
  return config.milestones
    .filter((m) => facts.milestoneReached(m.key) || evaluateCondition(m.condition, facts))
    .map((m) => {
      const start = facts.startedAt(m.scope);
      const day = typeof start === 'number' ? daysSince(start, facts.now) : undefined;
      return { key: m.key, scope: m.scope, day, onTime: day === undefined ? undefined : day <= m.targetDay };
    });
}

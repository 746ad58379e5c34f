import type { Milestone } from '../config/milestone.js';

/**
 * Time to first value: the account day (see `accountDay`) on which the milestone marked
 * `firstValue` was reached, so 0 means the day the account started. Undefined when no milestone is
 * marked or it has not been reached yet.
 */
export function timeToFirstValue(milestones: readonly Pick<Milestone, 'key' | 'firstValue'>[], reachedDays: ReadonlyMap<string, number>): number | undefined {
  const firstValue = milestones.find((m) => m.firstValue === true);
  return firstValue === undefined ? undefined : reachedDays.get(firstValue.key);
}

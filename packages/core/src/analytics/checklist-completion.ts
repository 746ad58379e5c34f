/** How far the users shown a checklist got through it. */
export interface ChecklistCompletion {
  users: number;
  /** Users with every item done. */
  completed: number;
  /** `completed / users`; undefined with no users. */
  rate: number | undefined;
  /** Items done over all users divided by `users × itemCount`; undefined with no users or no items. */
  itemRate: number | undefined;
}

/**
 * Checklist completion from the number of items each user (in the checklist's audience) has done,
 * out of `itemCount`. Counts above `itemCount` are capped to it.
 */
export function checklistCompletion(itemsDone: readonly number[], itemCount: number): ChecklistCompletion {
  const users = itemsDone.length;
  const done = itemsDone.map((n) => Math.min(Math.max(0, n), itemCount));
  const completed = itemCount > 0 ? done.filter((n) => n === itemCount).length : 0;
  const sum = done.reduce((a, b) => a + b, 0);
  return {
    users,
    completed,
    rate: users === 0 || itemCount <= 0 ? undefined : completed / users,
    itemRate: users === 0 || itemCount <= 0 ? undefined : sum / (users * itemCount),
  };
}

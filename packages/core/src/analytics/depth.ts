import type { DailyActiveUsers } from './daily-active-users.js';

/**
 * Depth: over account days `day - 27` to `day` (28 days, or fewer for a younger account), the
 * median number of days each user who was active at all in that window was active. An even number
 * of users gives the mean of the two middle values. Undefined when nobody was active.
 */
export function depth(daily: DailyActiveUsers, day: number): number | undefined {
  const activeDays = new Map<string, number>();
  for (let d = Math.max(0, day - 27); d <= day; d++) for (const u of daily.get(d) ?? []) activeDays.set(u, (activeDays.get(u) ?? 0) + 1);
  const counts = [...activeDays.values()].sort((a, b) => a - b);
  if (counts.length === 0) return undefined;
  const mid = Math.floor(counts.length / 2);
  return counts.length % 2 === 1 ? counts[mid]! : (counts[mid - 1]! + counts[mid]!) / 2;
}

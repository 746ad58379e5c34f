/** One day of an account's health history. */
export interface HealthPoint {
  /** Account day. */
  day: number;
  score: number | undefined;
}

/**
 * The change of the health score over `days` (default 7): the latest day's score minus the score
 * `days` days earlier. Undefined when either of those two days is missing from the history or has
 * no score (no guessing from neighbouring days). The history may be in any order.
 */
export function healthChange(history: readonly HealthPoint[], days = 7): number | undefined {
  if (history.length === 0) return undefined;
  const latest = history.reduce((a, b) => (b.day > a.day ? b : a));
  const before = history.find((p) => p.day === latest.day - days);
  if (latest.score === undefined || before?.score === undefined) return undefined;
  return latest.score - before.score;
}

/** The default session gap: events further apart than this belong to different sessions. */
export const sessionGapMs = 30 * 60_000;

/**
 * Time in product (ms) from one user's event timestamps (any order): the events are cut into
 * sessions wherever two consecutive events are more than `gapMs` apart, and each session lasts
 * from its first event to its last. A session of one event counts 0, and the gaps between
 * sessions count nothing, so a tab left open overnight adds no time.
 */
export function timeInProduct(timestamps: readonly number[], gapMs: number = sessionGapMs): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap <= gapMs) total += gap;
  }
  return total;
}

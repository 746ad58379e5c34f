import type { ActivityInterval } from './stuck-signals.js';

/** Ms that are both visible and active within `[from, to]`; overlapping intervals count once. */
export function activeMs(intervals: readonly ActivityInterval[], from: number, to: number): number {
  const spans = intervals
    .filter((i) => i.visible && i.active)
    .map((i) => [Math.max(i.start, from), Math.min(i.end, to)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [s, e] of spans) {
    if (e <= reached) continue;
    total += e - Math.max(s, reached);
    reached = e;
  }
  return total;
}

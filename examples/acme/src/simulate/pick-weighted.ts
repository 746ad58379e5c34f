import type { Random } from './create-random.js';

/** One of `items`, each as likely as its `weight(item)` relative to the others. */
export function pickWeighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  let total = 0;
  for (const item of items) total += Math.max(0, weight(item));
  let r = random.next() * total;
  for (const item of items) {
    r -= Math.max(0, weight(item));
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new RangeError('pickWeighted() needs a non-empty list');
  return last;
}

import type { Comparison } from './condition.js';

const symbols = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' } as const;

/** Whether `n` passes every comparison given (an empty comparison passes). */
export function compareCount(n: number, c: Comparison): boolean {
  return (
    (c.gte === undefined || n >= c.gte) &&
    (c.gt === undefined || n > c.gt) &&
    (c.lte === undefined || n <= c.lte) &&
    (c.lt === undefined || n < c.lt) &&
    (c.eq === undefined || n === c.eq)
  );
}

/** A comparison for people: `≥ 3`, `≥ 2 and ≤ 5`. */
export function formatComparison(c: Comparison): string {
  const parts = (Object.keys(symbols) as Array<keyof Comparison>).filter((k) => c[k] !== undefined).map((k) => `${symbols[k]} ${c[k]}`);
  return parts.join(' and ');
}

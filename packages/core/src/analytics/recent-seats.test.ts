import { expect, it } from 'vitest';
import { recentSeats } from './recent-seats.js';

const daily = (days: Record<number, string[]>) => new Map(Object.entries(days).map(([d, u]) => [Number(d), new Set(u)]));

it('counts distinct users of the last 7 and 28 days against the seats', () => {
  const d = daily({ 0: ['old'], 3: ['a', 'b'], 25: ['a'], 28: ['c'], 30: ['c', 'd'] });
  // Day 30: 7 days = 24–30 (a, c, d); 28 days = 3–30 (a, b, c, d); "old" on day 0 is out.
  expect(recentSeats(d, 30, 8)).toEqual({ active7: 3, active28: 4, share7: 3 / 8, share28: 0.5 });
  expect(recentSeats(d, 30, undefined)).toEqual({ active7: 3, active28: 4, share7: undefined, share28: undefined });
  expect(recentSeats(d, 30, 0).share28).toBeUndefined();
  expect(recentSeats(d, 3, 1).share28).toBe(3);
});

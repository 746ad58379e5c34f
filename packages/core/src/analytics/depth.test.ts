import { describe, expect, it } from 'vitest';
import type { DailyActiveUsers } from './daily-active-users.js';
import { depth } from './depth.js';

const daily = (entries: Record<number, string[]>): DailyActiveUsers => new Map(Object.entries(entries).map(([d, users]) => [Number(d), new Set(users)]));

describe('depth', () => {
  it('is the median active days per active user over 28 days', () => {
    // Window for day 30 is days 3–30: a is active 3 days (day 1 is outside), b 1 day, c 5 days. Median 3.
    const fixture = daily({ 1: ['a'], 3: ['a', 'c'], 10: ['a', 'c'], 20: ['a', 'b', 'c'], 25: ['c'], 30: ['c'] });
    expect(depth(fixture, 30)).toBe(3);
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect(depth(daily({ 0: ['a', 'b'], 1: ['a'], 2: ['a'], 3: ['a'] }), 3)).toBe(2.5);
  });

  it('is undefined when nobody was active', () => {
    expect(depth(daily({ 0: ['a'] }), 40)).toBeUndefined();
  });
});

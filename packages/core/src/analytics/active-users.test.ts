import { describe, expect, it } from 'vitest';
import type { DailyActiveUsers } from './daily-active-users.js';
import { activeUsers } from './active-users.js';

const daily = (entries: Record<number, string[]>): DailyActiveUsers => new Map(Object.entries(entries).map(([d, users]) => [Number(d), new Set(users)]));

describe('activeUsers', () => {
  // Day 30: a and b. Days 24–30: a, b, c. Days 1–30: a, b, c, d (d only on day 5). Day 0 falls outside the MAU window.
  const fixture = daily({ 0: ['z'], 5: ['d'], 24: ['c'], 29: ['a'], 30: ['a', 'b'] });

  it('counts distinct users per window', () => {
    const r = activeUsers(fixture, 30);
    expect(r).toMatchObject({ dau: 2, wau: 3, mau: 4 });
    // Daily counts over days 1–30 sum to 1 + 1 + 1 + 2 = 5; average 5/30; divided by MAU 4.
    expect(r.stickiness).toBeCloseTo(5 / 30 / 4, 12);
  });

  it('averages over the days a young account has had', () => {
    // Day 2: days 0–2, z on day 0, nobody else. Average DAU 1/3, MAU 1.
    expect(activeUsers(daily({ 0: ['z'] }), 2)).toEqual({ dau: 0, wau: 1, mau: 1, stickiness: 1 / 3 });
  });

  it('has no stickiness without active users', () => {
    expect(activeUsers(daily({}), 10)).toEqual({ dau: 0, wau: 0, mau: 0, stickiness: undefined });
  });
});

import { expect, it } from 'vitest';
import { healthComponents, usageAgainstBaseline } from './health-components.js';

const daily = (days: Record<number, string[]>) => new Map(Object.entries(days).map(([d, u]) => [Number(d), new Set(u)]));
const counts = (d: Map<number, Set<string>>, last: number) => Array.from({ length: last + 1 }, (_, i) => d.get(i)?.size ?? 0);

it('maps the metrics to 0–100 components; a young account has no baseline and counts its active days', () => {
  const d = daily({ 0: ['a'], 1: ['a'], 2: ['a', 'c'], 4: ['a'], 5: ['a', 'b'], 8: ['a', 'c'] });
  const r = healthComponents({
    daily: d,
    activeByDay: counts(d, 10),
    day: 10,
    seats: 2,
    breadth: 0.25,
    milestones: ['on-time', 'late', 'overdue', 'not-yet-due', 'on-time'],
  });
  // Activity: no weekday baseline yet (day 10 < 14) → days 4–10, active on 4, 5 and 8 → 3/7.
  expect(r.activity).toBeCloseTo(300 / 7, 10);
  // Seats: a, b, c active in 28 days on 2 seats → capped at 100.
  expect(r.seats).toBe(100);
  expect(r.breadth).toBe(25);
  expect(r.milestones).toBe(50);
  // Depth: days 0–10 (11 days, target 11·5/7); a 6 days, b 1, c 2 → median 2 → 2 / (55/7).
  expect(r.depth).toBeCloseTo(1400 / 55, 10);
});

it('judges activity against the same weekdays of earlier weeks, so one user on most days is not fully active', () => {
  // Five users every day for three weeks, then one user a day.
  const d = new Map<number, Set<string>>();
  for (let i = 0; i < 30; i++) d.set(i, new Set(i < 21 ? ['a', 'b', 'c', 'd', 'e'] : ['a']));
  const active = counts(d, 29);
  // Day 28: days 21–27 have 7 user-days against 35 usual.
  expect(usageAgainstBaseline(active, 28)).toBeCloseTo(7 / 35, 10);
  expect(healthComponents({ daily: d, activeByDay: active, day: 28, seats: 10, breadth: 1, milestones: [] }).activity).toBeCloseTo(20, 10);
  // More than usual is capped at 1; no usual use and none now is 0; with no baseline, undefined.
  expect(usageAgainstBaseline([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9], 21)).toBe(1);
  expect(usageAgainstBaseline(new Array(21).fill(0), 21)).toBe(0);
  expect(usageAgainstBaseline([1, 1, 1], 3)).toBeUndefined();
});

it('leaves unknown inputs out but scores no activity as 0', () => {
  const r = healthComponents({ daily: new Map(), activeByDay: [], day: 2, seats: undefined, breadth: undefined, milestones: ['not-yet-due'] });
  expect(r).toEqual({ activity: 0, seats: undefined, breadth: undefined, milestones: undefined, depth: 0 });
});

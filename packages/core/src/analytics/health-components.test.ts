import { expect, it } from 'vitest';
import { healthComponents } from './health-components.js';

it('maps the metrics to 0–100 components', () => {
  const daily = new Map(Object.entries({ 0: ['a'], 1: ['a'], 2: ['a', 'c'], 4: ['a'], 5: ['a', 'b'], 8: ['a', 'c'] }).map(([d, u]) => [Number(d), new Set(u)]));
  const r = healthComponents({ daily, day: 10, seatActivation: 1.3, breadth: 0.25, milestones: ['on-time', 'late', 'overdue', 'not-yet-due', 'on-time'] });
  // Activity: days 4–10, active on 4, 5 and 8 → 3/7.
  expect(r.activity).toBeCloseTo(300 / 7, 10);
  expect(r.seatActivation).toBe(100);
  expect(r.breadth).toBe(25);
  // Milestones: 4 settled (not-yet-due left out), 2 on time.
  expect(r.milestones).toBe(50);
  // Depth: days 0–10 (11 days, target 11·5/7); a 6 days, b 1, c 2 → median 2 → 2 / (55/7).
  expect(r.depth).toBeCloseTo(1400 / 55, 10);
});

it('leaves unknown inputs out but scores no activity as 0', () => {
  const r = healthComponents({ daily: new Map(), day: 2, seatActivation: undefined, breadth: undefined, milestones: ['not-yet-due'] });
  expect(r).toEqual({ activity: 0, seatActivation: undefined, breadth: undefined, milestones: undefined, depth: 0 });
});

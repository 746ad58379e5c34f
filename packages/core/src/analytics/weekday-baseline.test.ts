import { expect, it } from 'vitest';
import { weekdayBaseline } from './weekday-baseline.js';

it('averages the same weekday of up to 4 earlier weeks, only before the day given', () => {
  const active = Array.from({ length: 40 }, (_, d) => d);
  // Day 35 before 35: days 28, 21, 14, 7 (not 0: four weeks).
  expect(weekdayBaseline(active, 35, 35)).toBe((28 + 21 + 14 + 7) / 4);
  // Judging days 30–35 as one stretch: day 35's baseline starts at 21, not 28.
  expect(weekdayBaseline(active, 35, 28)).toBe((21 + 14 + 7 + 0) / 4);
  expect(weekdayBaseline(active, 10, 10)).toBe(3);
  expect(weekdayBaseline(active, 6, 6)).toBeUndefined();
  expect(weekdayBaseline([], 9, 9)).toBe(0);
});

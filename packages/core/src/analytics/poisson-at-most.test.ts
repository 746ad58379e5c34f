import { expect, it } from 'vitest';
import { poissonAtMost } from './poisson-at-most.js';

it('is the Poisson distribution function', () => {
  expect(poissonAtMost(0, 3)).toBeCloseTo(Math.exp(-3), 12);
  expect(poissonAtMost(2, 3)).toBeCloseTo(Math.exp(-3) * (1 + 3 + 4.5), 12);
  expect(poissonAtMost(10, 0)).toBe(1);
  expect(poissonAtMost(-1, 3)).toBe(0);
  // Large means do not underflow to nonsense: half the mass is at or below the mean.
  expect(poissonAtMost(5000, 5000)).toBeCloseTo(0.5, 1);
  expect(poissonAtMost(100, 5000)).toBe(0);
});

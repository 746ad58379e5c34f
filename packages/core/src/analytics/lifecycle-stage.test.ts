import { expect, it } from 'vitest';
import { lifecycleStage } from './lifecycle-stage.js';

it('takes the first rule that holds', () => {
  const base = { day: 20, atRisk: false, milestones: 2, reached: 0, firstValue: false };
  expect(lifecycleStage(base)).toBe('onboarding');
  expect(lifecycleStage({ ...base, reached: 1, firstValue: true })).toBe('adopting');
  expect(lifecycleStage({ ...base, reached: 2, firstValue: true })).toBe('adopted');
  expect(lifecycleStage({ ...base, day: 91, reached: 2, firstValue: true })).toBe('graduated');
  expect(lifecycleStage({ ...base, day: 91, reached: 1, firstValue: true })).toBe('adopting');
  expect(lifecycleStage({ ...base, day: 91, reached: 2, firstValue: true, atRisk: true })).toBe('at-risk');
  // No milestones: adopting once used, graduated after day 90.
  expect(lifecycleStage({ day: 40, atRisk: false, milestones: 0, reached: 0, firstValue: true })).toBe('adopting');
  expect(lifecycleStage({ day: 95, atRisk: false, milestones: 0, reached: 0, firstValue: true })).toBe('graduated');
});

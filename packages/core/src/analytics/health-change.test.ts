import { expect, it } from 'vitest';
import { healthChange } from './health-change.js';

const history = [
  { day: 10, score: 70 },
  { day: 3, score: 82 },
  { day: 9, score: 72 },
  { day: 2, score: 90 },
];

it('is the latest score minus the score the given days before', () => {
  expect(healthChange(history)).toBe(-12);
  expect(healthChange(history, 8)).toBe(-20);
  expect(healthChange(history, 1)).toBe(-2);
});

it('is undefined when a day is missing or has no score', () => {
  expect(healthChange(history, 5)).toBeUndefined();
  expect(healthChange([])).toBeUndefined();
  expect(healthChange([...history, { day: 11, score: undefined }], 8)).toBeUndefined();
  expect(
    healthChange([
      { day: 10, score: 70 },
      { day: 3, score: undefined },
    ]),
  ).toBeUndefined();
});

import { expect, it } from 'vitest';
import * as locks from './advisory-locks.js';

it('names each advisory lock with its own number', () => {
  const numbers = Object.values(locks);
  expect(numbers.length).toBeGreaterThanOrEqual(7);
  for (const n of numbers) expect(Number.isInteger(n)).toBe(true);
  expect(new Set(numbers).size).toBe(numbers.length);
});

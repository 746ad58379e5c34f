import { expect, it } from 'vitest';
import { sessionGapMs, timeInProduct } from './time-in-product.js';

const min = 60_000;

it('sums sessions cut at gaps over 30 minutes, each from its first to its last event', () => {
  // 09:00, 09:10, 09:25 (25 min); 11:00 alone (0); 14:00, 14:30 (exactly 30: same session).
  const at = [9 * 60, 9 * 60 + 10, 9 * 60 + 25, 11 * 60, 14 * 60, 14 * 60 + 30].map((m) => m * min);
  expect(timeInProduct([...at].reverse())).toBe(55 * min);
  // With a 2-hour gap only the 3-hour pause cuts: 10 + 15 + 95 + 30 minutes.
  expect(timeInProduct(at, 2 * 60 * min)).toBe(150 * min);
  expect(timeInProduct([])).toBe(0);
  expect(sessionGapMs).toBe(30 * min);
});

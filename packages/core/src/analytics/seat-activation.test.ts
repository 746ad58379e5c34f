import { describe, expect, it } from 'vitest';
import { seatActivation } from './seat-activation.js';

describe('seatActivation', () => {
  it('divides activated users by licensed seats', () => {
    expect(seatActivation(3, 10)).toBe(0.3);
    expect(seatActivation(0, 10)).toBe(0);
    expect(seatActivation(12, 10)).toBe(1.2);
    expect(seatActivation(5, '20')).toBe(0.25);
  });

  it('is undefined without usable seats, never 0', () => {
    for (const seats of [undefined, null, 0, -5, '', 'ten', Number.NaN, Infinity, true, {}]) expect(seatActivation(3, seats)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { goalStatus } from './goal-status.js';

describe('goalStatus', () => {
  it('is done once reached, on time or late', () => {
    expect(goalStatus({ dueDay: 14, reachedDay: 3, currentDay: 20 })).toBe('done');
    expect(goalStatus({ dueDay: 14, reachedDay: 30, currentDay: 40 })).toBe('done');
  });

  it('is overdue after the due day, not on it', () => {
    expect(goalStatus({ dueDay: 14, reachedDay: undefined, currentDay: 15 })).toBe('overdue');
    expect(goalStatus({ dueDay: 14, reachedDay: undefined, currentDay: 14 })).toBe('at-risk');
  });

  it('is at risk with 7 days or less left', () => {
    expect(goalStatus({ dueDay: 14, reachedDay: undefined, currentDay: 6 })).toBe('on-track');
    expect(goalStatus({ dueDay: 14, reachedDay: undefined, currentDay: 7 })).toBe('at-risk');
    expect(goalStatus({ dueDay: 3, reachedDay: undefined, currentDay: 0 })).toBe('at-risk');
  });

  it('is at risk with less than a quarter of the time left', () => {
    // Due day 60: 15 days left is exactly a quarter (on track), 14 is less.
    expect(goalStatus({ dueDay: 60, reachedDay: undefined, currentDay: 45 })).toBe('on-track');
    expect(goalStatus({ dueDay: 60, reachedDay: undefined, currentDay: 46 })).toBe('at-risk');
    expect(goalStatus({ dueDay: 90, reachedDay: undefined, currentDay: 10 })).toBe('on-track');
  });
});

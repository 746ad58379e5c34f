import { expect, it } from 'vitest';
import { milestoneStatus } from './milestone-status.js';

it('compares the reached day with the target day', () => {
  expect(milestoneStatus({ targetDay: 14, reachedDay: 3, currentDay: 40 })).toBe('on-time');
  expect(milestoneStatus({ targetDay: 14, reachedDay: 14, currentDay: 14 })).toBe('on-time');
  expect(milestoneStatus({ targetDay: 14, reachedDay: 15, currentDay: 40 })).toBe('late');
  expect(milestoneStatus({ targetDay: 0, reachedDay: 0, currentDay: 0 })).toBe('on-time');
});

it('is overdue only once the target day is over', () => {
  expect(milestoneStatus({ targetDay: 14, reachedDay: undefined, currentDay: 13 })).toBe('not-yet-due');
  expect(milestoneStatus({ targetDay: 14, reachedDay: undefined, currentDay: 14 })).toBe('not-yet-due');
  expect(milestoneStatus({ targetDay: 14, reachedDay: undefined, currentDay: 15 })).toBe('overdue');
});

it('treats a milestone without a target as on time when reached and never due otherwise', () => {
  expect(milestoneStatus({ targetDay: undefined, reachedDay: 80, currentDay: 80 })).toBe('on-time');
  expect(milestoneStatus({ targetDay: undefined, reachedDay: undefined, currentDay: 365 })).toBe('not-yet-due');
});

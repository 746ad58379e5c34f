import { expect, it } from 'vitest';
import { componentReason } from './component-reason.js';
import { flagReason } from './flag-reason.js';

it('says why in words', () => {
  expect(flagReason({ kind: 'went-quiet', facts: { days: 12 } })).toBe('no one active for 12 days');
  expect(flagReason({ kind: 'went-quiet', facts: { days: 1 } })).toBe('no one active for 1 day');
  expect(flagReason({ kind: 'no-activity', facts: { days: 4 } })).toBe('no core feature used in the 4 days since the start');
  expect(flagReason({ kind: 'usage-drop', facts: { current: 5, usual: 20, windowDays: 4 } })).toBe(
    'usage at 25% of its usual level (5 active user-days in 4 days, usually 20)',
  );
  expect(flagReason({ kind: 'few-seats-active', facts: { activeSeats: 4, seats: 25 } })).toBe('4 of 25 seats active in the last 28 days');
  expect(
    flagReason({ kind: 'milestone-overdue', milestone: 'activated', facts: { targetDay: 14, overdueDays: 6 } }, new Map([['activated', 'Activated']])),
  ).toBe('Activated 6 days overdue (due day 14)');
  expect(flagReason({ kind: 'milestone-overdue', milestone: 'activated' })).toBe('activated is overdue');
  expect(flagReason({ kind: 'health-falling', facts: { days: 7 } })).toBe('health fell 7 days in a row');
  expect(flagReason({ kind: 'users-stuck', facts: { users: 2 } })).toBe('2 users stuck');
});

it('says what a weak health component means, and how activity was measured', () => {
  expect(componentReason('activity', 40.4)).toBe('use at 40% of its usual level');
  expect(componentReason('activity', 50, false)).toBe('anyone active on 50% of the last days');
  expect(componentReason('seats', 30)).toBe('30% of seats active in the last 28 days');
});

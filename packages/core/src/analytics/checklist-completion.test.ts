import { describe, expect, it } from 'vitest';
import { checklistCompletion } from './checklist-completion.js';

describe('checklistCompletion', () => {
  it('is the share of users with every item done, and of items done', () => {
    // 4 users, 5 items: 5, 2, 0, 5 (7 capped to 5) done. Completed 2 of 4; items 12 of 20.
    expect(checklistCompletion([5, 2, 0, 7], 5)).toEqual({ users: 4, completed: 2, rate: 0.5, itemRate: 0.6 });
  });

  it('is undefined with no users', () => {
    expect(checklistCompletion([], 5)).toEqual({ users: 0, completed: 0, rate: undefined, itemRate: undefined });
  });
});

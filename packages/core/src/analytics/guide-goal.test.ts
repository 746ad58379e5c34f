import { expect, it } from 'vitest';
import { guideGoal } from './guide-goal.js';

it('is the first item, in config order, that the guide backs', () => {
  const checklists = [
    { key: 'basics', items: [{ key: 'create' }, { key: 'invite', guide: 'invite-tour' }] },
    { key: 'more', items: [{ key: 'invite-again', guide: 'invite-tour' }] },
  ];
  expect(guideGoal(checklists, 'invite-tour')).toEqual({ checklist: 'basics', item: 'invite' });
  expect(guideGoal(checklists, 'other')).toBeUndefined();
});

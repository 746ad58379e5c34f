import { describe, expect, it } from 'vitest';
import type { Condition } from './condition.js';
import type { ConditionFacts } from './condition-facts.js';
import { explainCondition } from './explain-condition.js';

const day = 86_400_000;
const now = Date.UTC(2026, 2, 10, 12);
const facts: ConditionFacts = {
  now,
  eventCount: (key, scope, since) => (key === 'Report Exported' ? (since === undefined ? 5 : 1) : scope === 'account' ? 2 : 0),
  trait: (scope, name) => (scope === 'user' ? ({ plan: 'free', big: 10n, long: 'x'.repeat(100) } as Record<string, unknown>)[name] : undefined),
  startedAt: (scope) => (scope === 'user' ? now - 3 * day : undefined),
  milestoneReached: (key) => key === 'activated',
  checklistItemDone: (_c, item) => item === 'invite',
  checklistComplete: () => false,
};
const reason = (c: Condition) => explainCondition(c, facts).reason;

describe('explainCondition', () => {
  it('says why each kind of node holds or not', () => {
    expect(reason({ event: 'Report Exported', count: { gte: 3 }, within: { days: 7 } })).toBe('"Report Exported" 1 time in the last 7 days, needs ≥ 3');
    expect(reason({ event: 'Report Exported' })).toBe('"Report Exported" 5 times, needs ≥ 1');
    expect(reason({ event: 'Teammate Invited', scope: 'account', within: { hours: 1 }, count: { gte: 2, lt: 10 } })).toBe(
      '"Teammate Invited" 2 times by the account in the last 1 hour, needs ≥ 2 and < 10',
    );
    expect(reason({ trait: 'plan', op: 'in', value: ['pro', 'enterprise'] })).toBe('plan is "free", needs one of "pro", "enterprise"');
    expect(reason({ trait: 'seats', op: 'gte', value: 3, scope: 'account' })).toBe('account seats is not set, needs ≥ 3');
    expect(reason({ trait: 'plan', op: 'exists' })).toBe('plan is "free", needs it to be set');
    expect(reason({ trait: 'big', op: 'eq', value: 1 })).toBe('big is 10, needs = 1');
    expect(reason({ trait: 'long', op: 'contains', value: 'y' })).toBe(`long is "${'x'.repeat(56)}..., needs it to contain "y"`);
    expect(reason({ milestone: 'activated' })).toBe('milestone "activated" reached');
    expect(reason({ milestone: 'power-user' })).toBe('milestone "power-user" not reached yet');
    expect(reason({ checklist: 'getting-started' })).toBe('checklist "getting-started" not complete yet');
    expect(reason({ checklist: 'getting-started', item: 'invite' })).toBe('item "invite" of checklist "getting-started" done');
    expect(reason({ daysSinceStart: { gte: 7 } })).toBe('day 3 since the user started, needs ≥ 7');
    expect(reason({ daysSinceStart: { gte: 7 }, scope: 'account' })).toBe('start of the account unknown, needs day ≥ 7');
  });

  it('mirrors the condition as a tree with every child explained', () => {
    const c: Condition = { all: [{ milestone: 'activated' }, { any: [{ event: 'Nope' }, { not: { milestone: 'power-user' } }] }, { event: 'Nope' }] };
    const e = explainCondition(c, facts);
    expect(e).toMatchObject({
      kind: 'all',
      result: false,
      reason: '2 of 3 hold, needs all',
      children: [
        { kind: 'milestone', result: true },
        {
          kind: 'any',
          result: true,
          reason: '1 of 2 hold, needs at least one',
          children: [
            { kind: 'event', result: false },
            { kind: 'not', result: true, reason: 'the inner condition does not hold', children: [{ result: false }] },
          ],
        },
        { kind: 'event', result: false, reason: '"Nope" 0 times, needs ≥ 1' },
      ],
    });
    expect(e.children?.[0]?.condition).toBe(c.all[0]);
    expect(explainCondition({ all: [] }, facts)).toMatchObject({ result: true, reason: 'no conditions, so it holds', children: [] });
    expect(explainCondition({ any: [] }, facts)).toMatchObject({ result: false, reason: 'no conditions, so it never holds' });
    expect(explainCondition({ nonsense: 1 } as unknown as Condition, facts)).toMatchObject({ kind: 'unknown', result: false, reason: 'not a condition' });
  });
});

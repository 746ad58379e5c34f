import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../state/state-snapshot.js';
import { recordEvent } from '../state/record-event.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import type { Condition } from './condition.js';
import { daysSince, noFacts, windowStart, type ConditionFacts } from './condition-facts.js';
import { evaluateCondition } from './evaluate-condition.js';

const hour = 3_600_000;
const day = 24 * hour;
const now = Date.UTC(2026, 2, 10, 10, 30);

/** Facts with nothing known, overridden per test. */
const facts = (over: Partial<ConditionFacts> = {}): ConditionFacts => noFacts(now, over);
const holds = (c: Condition, f: ConditionFacts = facts()) => evaluateCondition(c, f);

describe('event nodes', () => {
  const counts = (n: number) => facts({ eventCount: (key, scope) => (key === 'Report Exported' && scope === 'user' ? n : 0) });
  it('need one event by default, or the count given', () => {
    expect(holds({ event: 'Report Exported' }, counts(0))).toBe(false);
    expect(holds({ event: 'Report Exported' }, counts(1))).toBe(true);
    expect(holds({ event: 'Report Exported', count: { gte: 3 } }, counts(2))).toBe(false);
    expect(holds({ event: 'Report Exported', count: { gt: 2 } }, counts(3))).toBe(true);
    expect(holds({ event: 'Report Exported', count: { eq: 0 } }, counts(0))).toBe(true);
    expect(holds({ event: 'Report Exported', count: { lt: 3 } }, counts(3))).toBe(false);
    expect(holds({ event: 'Report Exported', count: { gte: 2, lte: 5 } }, counts(5))).toBe(true);
    expect(holds({ event: 'Report Exported', count: { gte: 2, lte: 5 } }, counts(6))).toBe(false);
  });
  it('read the scope asked for', () => {
    const f = facts({ eventCount: (_k, scope) => (scope === 'account' ? 4 : 1) });
    expect(holds({ event: 'X', count: { gte: 4 } }, f)).toBe(false);
    expect(holds({ event: 'X', count: { gte: 4 }, scope: 'account' }, f)).toBe(true);
  });
  it('pass an hour-aligned window start', () => {
    const since: Array<number | undefined> = [];
    const f = facts({ eventCount: (_k, _s, s) => (since.push(s), 0) });
    holds({ event: 'X' }, f);
    holds({ event: 'X', within: { days: 7 } }, f);
    holds({ event: 'X', within: { hours: 2 } }, f);
    expect(since).toEqual([undefined, Date.UTC(2026, 2, 3, 10), Date.UTC(2026, 2, 10, 8)]);
  });
  it('count events in the window at its boundary, from a snapshot', () => {
    let s = emptySnapshot();
    const start = windowStart(now, { days: 7 });
    s = recordEvent(s, 'X', start - 1);
    const f1 = snapshotFacts(s, now);
    expect(holds({ event: 'X', within: { days: 7 } }, f1)).toBe(false);
    expect(holds({ event: 'X', within: { days: 8 } }, f1)).toBe(true);
    s = recordEvent(s, 'X', start);
    expect(holds({ event: 'X', within: { days: 7 } }, snapshotFacts(s, now))).toBe(true);
    // An hour later the same event has left the window.
    expect(holds({ event: 'X', within: { days: 7 } }, snapshotFacts(s, start + 7 * day + hour))).toBe(false);
    expect(holds({ event: 'X', count: { eq: 2 } }, snapshotFacts(s, start + 30 * day))).toBe(true);
  });
  it('treat a nonsense count from the facts as zero', () => {
    expect(holds({ event: 'X', count: { eq: 0 } }, facts({ eventCount: () => Number.NaN }))).toBe(true);
  });
});

describe('trait nodes', () => {
  const traits: Record<string, unknown> = {
    plan: 'pro',
    seats: 5,
    createdAt: '2026-01-15',
    roles: ['admin', 'billing'],
    email: 'ana@acme.example',
    beta: false,
    none: null,
  };
  const f = facts({ trait: (scope, name) => (scope === 'user' ? traits[name] : name === 'plan' ? 'enterprise' : undefined) });
  const t = (c: Condition) => holds(c, f);
  it('compare with every operator', () => {
    expect(t({ trait: 'plan', op: 'eq', value: 'pro' })).toBe(true);
    expect(t({ trait: 'plan', op: 'neq', value: 'pro' })).toBe(false);
    expect(t({ trait: 'plan', op: 'in', value: ['pro', 'enterprise'] })).toBe(true);
    expect(t({ trait: 'plan', op: 'nin', value: ['free'] })).toBe(true);
    expect(t({ trait: 'seats', op: 'gt', value: 4 })).toBe(true);
    expect(t({ trait: 'seats', op: 'gte', value: 6 })).toBe(false);
    expect(t({ trait: 'seats', op: 'lt', value: 6 })).toBe(true);
    expect(t({ trait: 'seats', op: 'lte', value: 5 })).toBe(true);
    expect(t({ trait: 'createdAt', op: 'gte', value: '2026-01-01' })).toBe(true);
    expect(t({ trait: 'roles', op: 'contains', value: 'admin' })).toBe(true);
    expect(t({ trait: 'email', op: 'contains', value: '@acme.' })).toBe(true);
    expect(t({ trait: 'beta', op: 'eq', value: false })).toBe(true);
    expect(t({ trait: 'beta', op: 'exists' })).toBe(true);
    expect(t({ trait: 'plan', op: 'eq', value: 'enterprise', scope: 'account' })).toBe(true);
  });
  it('compare strictly: no coercion between strings and numbers', () => {
    expect(t({ trait: 'seats', op: 'eq', value: '5' })).toBe(false);
    expect(t({ trait: 'seats', op: 'gt', value: '4' })).toBe(false);
    expect(t({ trait: 'plan', op: 'gt', value: 1 })).toBe(false);
  });
  it('fail every test on an absent trait, neq and nin included', () => {
    for (const name of ['missing', 'none']) {
      expect(t({ trait: name, op: 'exists' })).toBe(false);
      expect(t({ trait: name, op: 'eq', value: null })).toBe(false);
      expect(t({ trait: name, op: 'neq', value: 'pro' })).toBe(false);
      expect(t({ trait: name, op: 'nin', value: ['pro'] })).toBe(false);
      expect(t({ trait: name, op: 'lt', value: 10 })).toBe(false);
      expect(t({ trait: name, op: 'contains', value: 'x' })).toBe(false);
      expect(t({ not: { trait: name, op: 'exists' } })).toBe(true);
    }
  });
});

describe('milestone, checklist and daysSinceStart nodes', () => {
  it('read recorded progress', () => {
    const f = facts({
      milestoneReached: (k) => k === 'activated',
      checklistItemDone: (c, i) => c === 'getting-started' && i === 'invite',
      checklistComplete: (c) => c === 'setup',
    });
    expect(holds({ milestone: 'activated' }, f)).toBe(true);
    expect(holds({ milestone: 'power-user' }, f)).toBe(false);
    expect(holds({ checklist: 'getting-started', item: 'invite' }, f)).toBe(true);
    expect(holds({ checklist: 'getting-started', item: 'export' }, f)).toBe(false);
    expect(holds({ checklist: 'getting-started' }, f)).toBe(false);
    expect(holds({ checklist: 'setup' }, f)).toBe(true);
  });
  it('count whole days since the start of the scope asked for', () => {
    const f = facts({ startedAt: (scope) => (scope === 'user' ? now - 7 * day : now - 7 * day + 1) });
    expect(holds({ daysSinceStart: { gte: 7 } }, f)).toBe(true);
    expect(holds({ daysSinceStart: { gte: 7 }, scope: 'account' }, f)).toBe(false);
    expect(holds({ daysSinceStart: { lt: 7 }, scope: 'account' }, f)).toBe(true);
    expect(holds({ daysSinceStart: { gte: 0 } })).toBe(false);
    expect(daysSince(now + hour, now)).toBe(0);
  });
});

describe('all, any, not', () => {
  const yes: Condition = { milestone: 'yes' };
  const no: Condition = { milestone: 'no' };
  const f = facts({ milestoneReached: (k) => k === 'yes' });
  it('combine', () => {
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
    expect(holds({ all: [yes, yes] }, f)).toBe(true);
    expect(holds({ all: [yes, no] }, f)).toBe(false);
    expect(holds({ any: [no, yes] }, f)).toBe(true);
    expect(holds({ not: yes }, f)).toBe(false);
    expect(holds({ not: { not: yes } }, f)).toBe(true);
  });
  it('are false for something that is not a condition, without throwing', () => {
    const junk = [{}, { unknown: 1 }, { all: 'x' }, { any: null }, { not: null }, { all: [{}] }] as unknown as Condition[];
    for (const c of junk) expect(holds(c)).toBe(false);
  });
});

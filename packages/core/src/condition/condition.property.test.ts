import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordEvent } from '../state/record-event.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import { emptySnapshot, type StateSnapshot } from '../state/state-snapshot.js';
import type { Comparison, Condition, TraitCondition } from './condition.js';
import { windowStart } from './condition-facts.js';
import { conditionSchema } from './condition-schema.js';
import { evaluateCondition } from './evaluate-condition.js';
import { explainCondition } from './explain-condition.js';

const hour = 3_600_000;
const now = Date.UTC(2026, 2, 10, 10, 30);
const eventKeys = ['A', 'B', 'Feature Used:reports.export'];
const traitNames = ['plan', 'seats', 'roles', 'createdAt'];
const keys = ['a', 'b', 'c'];

const scope = fc.constantFrom('user' as const, 'account' as const);
const small = fc.integer({ min: 0, max: 6 });
const comparison: fc.Arbitrary<Comparison> = fc
  .record({ gte: small, gt: small, lte: small, lt: small, eq: small }, { requiredKeys: [] })
  .filter((c) => Object.keys(c).length > 0);
const primitive = fc.oneof(fc.constantFrom('free', 'pro', 'x', '2026-01-01'), fc.integer({ min: -3, max: 10 }), fc.boolean(), fc.constant(null));
const trait: fc.Arbitrary<TraitCondition> = fc.oneof(
  fc.record(
    { trait: fc.constantFrom(...traitNames), op: fc.constantFrom('eq' as const, 'neq' as const, 'contains' as const), value: primitive, scope },
    { requiredKeys: ['trait', 'op', 'value'] },
  ),
  fc.record({ trait: fc.constantFrom(...traitNames), op: fc.constantFrom('in' as const, 'nin' as const), value: fc.array(primitive, { maxLength: 3 }) }),
  fc.record({
    trait: fc.constantFrom(...traitNames),
    op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
    value: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom('2026-01-01', 'm')),
  }),
  fc.record({ trait: fc.constantFrom(...traitNames), op: fc.constant('exists' as const) }),
);
const within = fc.oneof(fc.record({ days: fc.integer({ min: 1, max: 10 }) }), fc.record({ hours: fc.integer({ min: 1, max: 48 }) }));
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ event: fc.constantFrom(...eventKeys), count: comparison, within, scope }, { requiredKeys: ['event'] }),
  trait,
  fc.record({ milestone: fc.constantFrom(...keys) }),
  fc.record({ checklist: fc.constantFrom(...keys), item: fc.constantFrom(...keys) }, { requiredKeys: ['checklist'] }),
  fc.record({ daysSinceStart: comparison, scope }, { requiredKeys: ['daysSinceStart'] }),
);
const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 4 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));

const scopeState = fc.record(
  {
    events: fc.dictionary(fc.constantFrom(...eventKeys), fc.array(fc.integer({ min: -400, max: 2 }), { maxLength: 6 })),
    traits: fc.record(
      {
        plan: fc.constantFrom('free', 'pro'),
        seats: fc.integer({ min: 0, max: 10 }),
        roles: fc.array(fc.constantFrom('x', 'admin'), { maxLength: 2 }),
        createdAt: fc.constantFrom('2025-12-01', '2026-02-01'),
      },
      { requiredKeys: [] },
    ),
    startedAt: fc.integer({ min: now - 30 * 24 * hour, max: now }),
  },
  { requiredKeys: ['events', 'traits'] },
);
/** A snapshot built through recordEvent from event times (hours relative to now), plus progress. */
const snapshot: fc.Arbitrary<StateSnapshot> = fc
  .record({
    user: scopeState,
    account: scopeState,
    milestones: fc.subarray(keys),
    items: fc.dictionary(fc.constantFrom(...keys), fc.subarray(keys)),
    completed: fc.subarray(keys),
  })
  .map(({ user, account, milestones, items, completed }) => {
    let s: StateSnapshot = { ...emptySnapshot(), milestones, items, completed };
    for (const [key, times] of Object.entries(user.events)) for (const h of times) s = recordEvent(s, key, now + h * hour - 17);
    const withScope = (state: typeof user) => ({ traits: state.traits, ...(state.startedAt === undefined ? {} : { startedAt: state.startedAt }) });
    return { ...s, user: { ...s.user, ...withScope(user) }, account: { ...s.account, ...withScope(account) } };
  });

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const shuffled = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });

describe('the evaluator (properties)', () => {
  it('generates only conditions the schema accepts', () => {
    fc.assert(fc.property(condition, (c) => conditionSchema.safeParse(c).success));
  });

  it('agrees with itself across serialisation of the condition', () => {
    fc.assert(
      fc.property(condition, snapshot, (c, s) => evaluateCondition(c, snapshotFacts(s, now)) === evaluateCondition(roundTrip(c), snapshotFacts(s, now))),
    );
  });

  it('gives the same results for a snapshot round-tripped through JSON', () => {
    fc.assert(
      fc.property(condition, snapshot, (c, s) => evaluateCondition(c, snapshotFacts(s, now)) === evaluateCondition(c, snapshotFacts(roundTrip(s), now))),
    );
  });

  it('inverts with not, and all/any of one child are that child', () => {
    fc.assert(
      fc.property(condition, snapshot, (c, s) => {
        const f = snapshotFacts(s, now);
        const r = evaluateCondition(c, f);
        return evaluateCondition({ not: c }, f) === !r && evaluateCondition({ all: [c] }, f) === r && evaluateCondition({ any: [c] }, f) === r;
      }),
    );
    const f = snapshotFacts(emptySnapshot(), now);
    expect([evaluateCondition({ all: [] }, f), evaluateCondition({ any: [] }, f)]).toEqual([true, false]);
  });

  it('does not depend on the order of all/any children, and keeps De Morgan', () => {
    const children = fc.array(condition, { maxLength: 5 });
    fc.assert(
      fc.property(
        children.chain((list) => fc.tuple(fc.constant(list), shuffled(list))),
        snapshot,
        ([list, other], s) => {
          const f = snapshotFacts(s, now);
          const all = evaluateCondition({ all: list }, f);
          const any = evaluateCondition({ any: list }, f);
          return (
            all === evaluateCondition({ all: other }, f) &&
            any === evaluateCondition({ any: other }, f) &&
            !all === evaluateCondition({ any: list.map((c) => ({ not: c })) }, f)
          );
        },
      ),
    );
  });

  it('explains exactly what it evaluates', () => {
    fc.assert(fc.property(condition, snapshot, (c, s) => explainCondition(c, snapshotFacts(s, now)).result === evaluateCondition(c, snapshotFacts(s, now))));
  });

  it('counts from hourly buckets exactly what a query on raw timestamps counts', () => {
    const times = fc.array(fc.integer({ min: now - 400 * 24 * hour, max: now }), { maxLength: 20 });
    fc.assert(
      fc.property(times, within, (ts, w) => {
        const s = ts.reduce((acc, t) => recordEvent(acc, 'A', t), emptySnapshot());
        const since = windowStart(now, w);
        const f = snapshotFacts(s, now);
        return f.eventCount('A', 'user', since) === ts.filter((t) => t >= since).length && f.eventCount('A', 'account') === ts.length;
      }),
    );
  });
});

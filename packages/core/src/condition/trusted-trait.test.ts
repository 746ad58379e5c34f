import { describe, expect, it } from 'vitest';
import { progressTimeline } from '../progress/progress-timeline.js';
import { emptySnapshot, type StateSnapshot } from '../state/state-snapshot.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import type { Condition } from './condition.js';
import { conditionSchema } from './condition-schema.js';
import { evaluateCondition } from './evaluate-condition.js';
import { explainCondition } from './explain-condition.js';

const now = Date.UTC(2026, 2, 10);
const enterprise: Condition = { trait: 'plan', op: 'eq', value: 'enterprise', scope: 'account', trusted: true };
const snapshot = (traits: Record<string, unknown>, trustedTraits?: Record<string, unknown>): StateSnapshot => {
  const s = emptySnapshot();
  s.account = { events: {}, traits, ...(trustedTraits ? { trustedTraits } : {}) };
  return s;
};
const holds = (c: Condition, s: StateSnapshot) => evaluateCondition(c, snapshotFacts(s, now));

describe('trusted trait conditions', () => {
  it('read only the value a trusted source set, never the one the browser sent', () => {
    // identify/group from a browser console: the plain trait says enterprise, the trusted one does not exist.
    expect(holds(enterprise, snapshot({ plan: 'enterprise' }))).toBe(false);
    expect(holds(enterprise, snapshot({ plan: 'enterprise' }, { plan: 'starter' }))).toBe(false);
    expect(holds(enterprise, snapshot({ plan: 'starter' }, { plan: 'enterprise' }))).toBe(true);
    // Without `trusted`, the plain value counts, as before.
    const plain: Condition = { trait: 'plan', op: 'eq', value: 'enterprise', scope: 'account' };
    expect(holds(plain, snapshot({ plan: 'enterprise' }))).toBe(true);
  });

  it('are explained with the trusted value', () => {
    const why = explainCondition(enterprise, snapshotFacts(snapshot({ plan: 'enterprise' }, { plan: 'starter' }), now));
    expect(why.result).toBe(false);
    expect(why.reason).toMatch(/^trusted account plan is "starter"/);
  });

  it('are accepted by the schema, and trusted must be a boolean', () => {
    expect(conditionSchema.safeParse(enterprise).success).toBe(true);
    expect(conditionSchema.safeParse({ ...enterprise, trusted: 'yes' }).success).toBe(false);
  });

  it('hold in the progress replay only with trusted traits', () => {
    const config = { milestones: [{ key: 'ent', name: 'Enterprise', scope: 'account' as const, targetDay: 30, condition: enterprise }], checklists: [] };
    const none = () => ({ milestones: new Map<string, number>(), items: new Map<string, number>(), completed: new Map<string, number>() });
    const scope = (extra: object = {}) => ({
      events: new Map<string, number[]>(),
      traits: { plan: 'enterprise' },
      startedAt: now - 86_400_000,
      traitsAt: now - 3_600_000,
      ...extra,
    });
    const replay = (account: ReturnType<typeof scope>) => progressTimeline(config, { user: scope(), account, recorded: none(), now });
    expect(replay(scope()).milestones.has('ent')).toBe(false);
    expect(replay(scope({ trustedTraits: { plan: 'enterprise' } })).milestones.get('ent')).toBe(now - 3_600_000);
  });
});

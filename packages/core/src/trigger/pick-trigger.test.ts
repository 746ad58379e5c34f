import { describe, expect, it } from 'vitest';
import type { ConditionFacts } from '../condition/condition-facts.js';
import { validateConfig } from '../config/validate-config.js';
import type { Trigger } from '../config/trigger.js';
import type { NudgeRecord } from '../nudge/nudge-history.js';
import { pageFacts } from '../page/page-facts.js';
import { pickTrigger, triggerVerdict, type TriggerCandidate } from './pick-trigger.js';

const day = 86_400_000;
const now = Date.UTC(2026, 3, 10, 12);
const facts = (url: string, over: Partial<ConditionFacts> = {}): ConditionFacts => ({
  now,
  eventCount: () => 0,
  trait: (_s, name) => (name === 'role' ? 'admin' : undefined),
  startedAt: () => undefined,
  milestoneReached: () => false,
  checklistItemDone: () => false,
  checklistComplete: () => false,
  page: () => pageFacts({ url: `https://app.test${url}` }),
  ...over,
});
const t = (over: Partial<Trigger>): Trigger => ({ priority: 0, ...over });
const cand = (id: string, trigger: Partial<Trigger>, audience?: TriggerCandidate['audience']): TriggerCandidate => ({ id, trigger: t(trigger), audience });
const page = { type: 'page' } as const;
const shown = (nudge: string, at: number, session = 's0'): NudgeRecord => ({ type: 'shown', nudge, at, session });

describe('triggerVerdict', () => {
  it('fires a page trigger on a page view of a matching page, an event trigger on its event (on its page, when given)', () => {
    const onReports = cand('guide:a', { page: '/#/reports' });
    expect(triggerVerdict(onReports, page, facts('/#/reports'), [], 's1')).toBe('start');
    expect(triggerVerdict(onReports, page, facts('/#/settings'), [], 's1')).toBe('page');
    expect(triggerVerdict(onReports, { type: 'event', event: 'X' }, facts('/#/reports'), [], 's1')).toBe('moment');
    const onExport = cand('guide:b', { event: 'Report Exported' });
    expect(triggerVerdict(onExport, { type: 'event', event: 'Report Exported' }, facts('/'), [], 's1')).toBe('start');
    expect(triggerVerdict(onExport, { type: 'event', event: 'Other' }, facts('/'), [], 's1')).toBe('moment');
    expect(triggerVerdict(onExport, page, facts('/'), [], 's1')).toBe('moment');
    const both = cand('guide:c', { event: 'Report Exported', page: '/#/reports' });
    expect(triggerVerdict(both, { type: 'event', event: 'Report Exported' }, facts('/#/reports'), [], 's1')).toBe('start');
    expect(triggerVerdict(both, { type: 'event', event: 'Report Exported' }, facts('/#/'), [], 's1')).toBe('page');
  });
  it('needs the trigger audience and the experience audience to hold', () => {
    const admin = { trait: 'role', op: 'eq', value: 'admin' } as const;
    const viewer = { trait: 'role', op: 'eq', value: 'viewer' } as const;
    expect(triggerVerdict(cand('x:a', { page: '*', audience: admin }), page, facts('/'), [], 's')).toBe('start');
    expect(triggerVerdict(cand('x:a', { page: '*', audience: viewer }), page, facts('/'), [], 's')).toBe('audience');
    expect(triggerVerdict(cand('x:a', { page: '*' }, viewer), page, facts('/'), [], 's')).toBe('audience');
  });
  it('keeps to its dates: from inclusive, until exclusive', () => {
    expect(triggerVerdict(cand('x:a', { page: '*', from: '2026-04-11' }), page, facts('/'), [], 's')).toBe('dates');
    expect(triggerVerdict(cand('x:a', { page: '*', from: '2026-04-10T12:00:00Z' }), page, facts('/'), [], 's')).toBe('start');
    expect(triggerVerdict(cand('x:a', { page: '*', until: '2026-04-10T12:00:00Z' }), page, facts('/'), [], 's')).toBe('dates');
    expect(triggerVerdict(cand('x:a', { page: '*', until: '2026-04-11' }), page, facts('/'), [], 's')).toBe('start');
  });
  it('starts once per user by default, or again after repeat.afterDays', () => {
    const once = cand('guide:a', { page: '*' });
    expect(triggerVerdict(once, page, facts('/'), [shown('guide:a', now - 300 * day)], 's1')).toBe('nudge-max');
    const weekly = cand('guide:a', { page: '*', repeat: { afterDays: 7 } });
    expect(triggerVerdict(weekly, page, facts('/'), [shown('guide:a', now - 6 * day)], 's1')).toBe('cooldown');
    expect(triggerVerdict(weekly, page, facts('/'), [shown('guide:a', now - 7 * day)], 's1')).toBe('start');
  });
  it('shares the session and day budgets with nudges and every other experience', () => {
    const c = cand('checklist:a', { page: '*' });
    // A nudge shown in this session uses the session's one start.
    expect(triggerVerdict(c, page, facts('/'), [shown('tasks-help', now - 1000, 's1')], 's1')).toBe('session-budget');
    expect(triggerVerdict(c, page, facts('/'), [shown('tasks-help', now - 1000, 's1')], 's2')).toBe('start');
    const three = [shown('guide:x', now - 3000, 'a'), shown('n', now - 2000, 'b'), shown('guide:y', now - 1000, 'c')];
    expect(triggerVerdict(c, page, facts('/'), three, 's2')).toBe('day-budget');
    expect(triggerVerdict(c, page, { ...facts('/'), now: now - 3000 + day }, three, 's2')).toBe('start');
  });
});

describe('pickTrigger', () => {
  it('picks the highest priority among those that may start, the first on a tie', () => {
    const list = [cand('guide:low', { page: '*' }), cand('guide:high', { page: '*', priority: 10 }), cand('checklist:high', { page: '*', priority: 10 })];
    expect(pickTrigger(list, page, facts('/'), [], 's')?.id).toBe('guide:high');
    expect(pickTrigger(list, page, facts('/'), [shown('guide:high', now - 10 * day)], 's')?.id).toBe('checklist:high');
    expect(pickTrigger(list, { type: 'event', event: 'X' }, facts('/'), [], 's')).toBeUndefined();
  });
});

describe('trigger validation', () => {
  const doc = (trigger: unknown) => ({ version: 1, guides: [{ key: 'g', title: 'G', steps: [{ key: 's', title: 'S', body: 'B' }], trigger }] });
  const errors = (trigger: unknown) => {
    const r = validateConfig(doc(trigger));
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };
  it('accepts a full trigger and fills in the priority', () => {
    const r = validateConfig(
      doc({
        page: '/#/reports',
        event: 'Report Opened',
        audience: { milestone: 'm' },
        repeat: { afterDays: 7 },
        from: '2026-04-01',
        until: '2026-05-01T00:00:00Z',
      }),
    );
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'guides[0].trigger.audience.milestone', message: 'milestone "m" is not defined in milestones' }]);
    const ok = validateConfig(doc({ page: '*' }));
    expect(ok.ok && ok.config.guides[0]!.trigger).toEqual({ page: '*', priority: 0 });
  });
  it('names what is wrong', () => {
    expect(errors({})).toEqual(['guides[0].trigger: needs a "page", an "event" or both']);
    expect(errors({ page: 'reports' })).toEqual([
      'guides[0].trigger.page: must be "*" (any page) or a URL path pattern such as "/app/reports" or "/#/settings"',
    ]);
    expect(errors({ event: 'X', repeat: { afterDays: 0 } })).toEqual(['guides[0].trigger.repeat.afterDays: must be at least 1']);
    expect(errors({ event: 'X', repeat: { days: 3 } })[0]).toContain('guides[0].trigger.repeat');
    expect(errors({ event: 'X', priority: 101 })).toEqual(['guides[0].trigger.priority: must be at most 100']);
    expect(errors({ event: 'X', from: 'next week' })).toEqual([
      'guides[0].trigger.from: must be an ISO date ("2026-04-01") or date-time with a zone ("2026-04-01T09:00:00Z")',
    ]);
    expect(errors({ event: 'X', from: '2026-02-30' })).toEqual(['guides[0].trigger.from: must be a real date']);
    expect(errors({ event: 'X', from: '2026-05-01', until: '2026-04-01' })).toEqual(['guides[0].trigger.until: must be after "from" (2026-05-01)']);
    expect(errors({ event: 'X', when: 'now' })[0]).toContain('when');
    const deep = { not: { not: { not: { not: { not: { not: { not: { not: { not: { not: { not: { not: { milestone: 'm' } } } } } } } } } } } } };
    expect(errors({ event: 'X', audience: deep })[0]).toContain('deeper than 12 levels');
  });
});

import { describe, expect, it } from 'vitest';
import { recordEvent } from './record-event.js';
import { snapshotFacts } from './snapshot-facts.js';
import { emptySnapshot, snapshotHorizonHours, type StateSnapshot } from './state-snapshot.js';

const hour = 3_600_000;
const now = Date.UTC(2026, 2, 10, 10, 30);

describe('recordEvent', () => {
  it('counts for the user and the account, per hour, without changing its input', () => {
    const before = emptySnapshot();
    const s = recordEvent(recordEvent(before, 'Report Exported', now), 'Report Exported', now + 60_000);
    expect(before).toEqual(emptySnapshot());
    const h = String(Math.floor(now / hour));
    expect(s.user.events['Report Exported']).toEqual({ total: 2, hours: { [h]: 2 } });
    expect(s.account.events['Report Exported']).toEqual({ total: 2, hours: { [h]: 2 } });
  });
  it('drops hourly counts older than the longest window, but keeps the total', () => {
    const old = now - (snapshotHorizonHours + 5) * hour;
    const s = recordEvent(recordEvent(emptySnapshot(), 'A', old), 'A', now);
    expect(s.user.events['A']?.total).toBe(2);
    expect(Object.keys(s.user.events['A']?.hours ?? {})).toEqual([String(Math.floor(now / hour))]);
  });
  it('handles keys that are Object.prototype names', () => {
    const s = recordEvent(emptySnapshot(), 'constructor', now);
    expect(snapshotFacts(s, now).eventCount('constructor', 'user')).toBe(1);
    expect(snapshotFacts(emptySnapshot(), now).eventCount('toString', 'user', 0)).toBe(0);
  });
});

describe('snapshotFacts', () => {
  const s: StateSnapshot = {
    user: { events: {}, traits: { plan: 'pro' }, startedAt: now - 1000 },
    account: { events: {}, traits: { seats: 3 } },
    milestones: ['activated'],
    items: { 'getting-started': ['invite'] },
    completed: ['setup'],
  };
  it('answers from the snapshot', () => {
    const f = snapshotFacts(s, now);
    expect(f.now).toBe(now);
    expect([f.trait('user', 'plan'), f.trait('account', 'seats'), f.trait('account', 'plan')]).toEqual(['pro', 3, undefined]);
    expect([f.startedAt('user'), f.startedAt('account')]).toEqual([now - 1000, undefined]);
    expect([f.milestoneReached('activated'), f.milestoneReached('x')]).toEqual([true, false]);
    expect([f.checklistItemDone('getting-started', 'invite'), f.checklistItemDone('getting-started', 'x'), f.checklistItemDone('x', 'invite')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([f.checklistComplete('setup'), f.checklistComplete('getting-started')]).toEqual([true, false]);
  });
  it('never throws on a partial or malformed snapshot', () => {
    for (const junk of [{}, { user: null, items: { a: 'x' } }, { user: { events: { A: { total: 'x', hours: 5 } }, traits: null, startedAt: 'soon' } }, null]) {
      const f = snapshotFacts(junk as unknown as StateSnapshot, now);
      expect([f.eventCount('A', 'user'), f.eventCount('A', 'user', 0), f.trait('user', 'plan'), f.startedAt('user')]).toEqual([0, 0, undefined, undefined]);
      expect([f.milestoneReached('a'), f.checklistItemDone('a', 'x'), f.checklistComplete('a')]).toEqual([false, false, false]);
    }
    expect(snapshotFacts(s, now).trait('user', 'toString')).toBeUndefined();
  });
});

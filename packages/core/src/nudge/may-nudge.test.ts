import { describe, expect, it } from 'vitest';
import { mayNudge, type NudgeContext } from './may-nudge.js';
import type { NudgeHistory, NudgeRecord } from './nudge-history.js';

const hour = 3_600_000;
const day = 24 * hour;
const t0 = Date.UTC(2026, 2, 10, 10, 0);
const ctx: NudgeContext = { nudge: 'add-tasks', session: 's2' };
const shown = (at: number, nudge = 'add-tasks', session = 's1'): NudgeRecord => ({ type: 'shown', nudge, at, session });
const roundTrip = (h: NudgeHistory): NudgeHistory => JSON.parse(JSON.stringify(h)) as NudgeHistory;

describe('mayNudge', () => {
  it('allows a first nudge', () => {
    expect(mayNudge([], t0, {}, ctx)).toEqual({ allowed: true, reason: 'allowed' });
  });

  it('never shows a dismissed nudge again, but other nudges still may', () => {
    const h: NudgeHistory = [shown(t0 - 10 * day), { type: 'dismissed', nudge: 'add-tasks', at: t0 - 10 * day }];
    expect(mayNudge(h, t0 + 365 * day, {}, ctx)).toEqual({ allowed: false, reason: 'dismissed' });
    expect(mayNudge(h, t0, {}, { ...ctx, nudge: 'invite' }).allowed).toBe(true);
  });

  it('waits out a snooze, taking the latest one', () => {
    const h: NudgeHistory = [
      { type: 'snoozed', nudge: 'add-tasks', at: t0 - 3 * day, until: t0 - 2 * day },
      { type: 'snoozed', nudge: 'add-tasks', at: t0 - hour, until: t0 + 2 * hour },
    ];
    expect(mayNudge(h, t0, {}, ctx)).toEqual({ allowed: false, reason: 'snoozed', until: t0 + 2 * hour });
    expect(mayNudge(h, t0 + 2 * hour, {}, ctx).allowed).toBe(true);
  });

  it('caps each nudge in total and with a cooldown', () => {
    const h = [shown(t0 - 30 * day), shown(t0 - 20 * day), shown(t0 - 10 * day)];
    expect(mayNudge(h, t0, {}, ctx)).toEqual({ allowed: false, reason: 'nudge-max' });
    expect(mayNudge(h, t0, { perNudgeMax: 4 }, ctx).allowed).toBe(true);
    expect(mayNudge([shown(t0 - hour)], t0, { perSession: 5 }, ctx)).toEqual({ allowed: false, reason: 'cooldown', until: t0 - hour + day });
    expect(mayNudge([shown(t0 - hour)], t0, { perNudgeCooldownMs: hour }, ctx).allowed).toBe(true);
  });

  it('keeps to the session budget across nudges', () => {
    const h = [shown(t0 - hour, 'invite', 's2')];
    expect(mayNudge(h, t0, {}, ctx)).toEqual({ allowed: false, reason: 'session-budget' });
    expect(mayNudge(h, t0, {}, { ...ctx, session: 's3' }).allowed).toBe(true);
    expect(mayNudge(h, t0, { perSession: 2 }, ctx).allowed).toBe(true);
  });

  it('keeps to the budget of any 24 hours, and says when it frees up', () => {
    const h = [shown(t0 - 20 * hour, 'a', 'x'), shown(t0 - 10 * hour, 'b', 'y'), shown(t0 - 5 * hour, 'c', 'z')];
    expect(mayNudge(h, t0, {}, ctx)).toEqual({ allowed: false, reason: 'day-budget', until: t0 + 4 * hour });
    expect(mayNudge(h, t0 + 4 * hour, {}, ctx).allowed).toBe(true);
    expect(mayNudge(h, t0, { perDay: 4 }, ctx).allowed).toBe(true);
  });

  it('decides the same after a JSON round trip and with records from another device merged in any order', () => {
    const phone: NudgeHistory = [shown(t0 - 2 * hour, 'add-tasks', 'phone-1')];
    const laptop: NudgeHistory = [{ type: 'dismissed', nudge: 'invite', at: t0 - hour }];
    const merged = [...laptop, ...phone];
    expect(mayNudge(roundTrip(merged), t0, {}, ctx)).toEqual(mayNudge([...phone, ...laptop], t0, {}, ctx));
    expect(mayNudge(merged, t0, {}, ctx).reason).toBe('cooldown');
    expect(mayNudge(merged, t0, {}, { ...ctx, nudge: 'invite' }).reason).toBe('dismissed');
  });

  it('treats records from a device whose clock runs ahead as shown now', () => {
    expect(mayNudge([shown(t0 + 5 * day)], t0, {}, ctx)).toEqual({ allowed: false, reason: 'cooldown', until: t0 + day });
  });
});

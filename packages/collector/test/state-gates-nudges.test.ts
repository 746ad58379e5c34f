import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { backends } from './backends.js';
import { post, readJson } from './fixtures.js';
import { gatedConfig } from './onboarding-config.js';
import { day, hour, openTestApp, origin, type TestApp } from './test-app.js';

describe.each(backends)('GET /v1/state: overrides, celebrated gates and nudge history on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  let clock = Date.parse('2026-06-10T12:30:00.000Z');
  const secret = () => ({ Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' });

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { now: () => clock, config: gatedConfig }));
  });
  afterAll(() => db.drop());

  const hoursAgo = (h: number) => clock - h * hour;
  const track = (userId: string, event: string, properties: Record<string, unknown>, at = clock - hour) => ({
    type: 'track',
    messageId: randomUUID(),
    userId,
    event,
    properties,
    timestamp: new Date(at).toISOString(),
  });
  const send = async (batch: unknown[]) => {
    const res = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch }, { Origin: origin }));
    expect(res.status).toBe(200);
  };
  const state = async (query: string) => {
    const res = await app.request(`/v1/state?key=${keys.publicKey}&${query}`, { headers: { Origin: origin } });
    expect(res.status).toBe(200);
    return readJson(res);
  };
  const override = async (gate: string, body: Record<string, unknown>) => {
    clock += 1000;
    const res = await app.request(`/v1/admin/gates/${gate}/overrides`, {
      method: 'PUT',
      headers: secret(),
      body: JSON.stringify({ by: 'csm@waymark.test', ...body }),
    });
    expect(res.status).toBe(200);
  };

  it('gives the CSM override in force per gate, the user one beating the account one', async () => {
    const group = (userId: string, groupId: string) => ({
      type: 'group',
      messageId: randomUUID(),
      userId,
      groupId,
      timestamp: new Date(clock - hour).toISOString(),
    });
    await send([group('vip', 'megacorp'), group('skeptic', 'megacorp'), group('other', 'initech')]);
    await override('reports.advanced', { accountId: 'megacorp', state: 'unlock' });
    await override('reports.advanced', { userId: 'skeptic', state: 'lock' });
    await override('automations', { userId: 'skeptic', state: 'unlock' });
    await override('automations', { accountId: 'megacorp', state: 'lock' });

    expect((await state('userId=vip')).overrides).toEqual({ automations: 'lock', 'reports.advanced': 'unlock' });
    expect((await state('userId=skeptic')).overrides).toEqual({ automations: 'unlock', 'reports.advanced': 'lock' });
    expect((await state('userId=other')).overrides).toEqual({});
    expect((await state('anonymousId=device-1')).overrides).toEqual({});

    await override('automations', { userId: 'skeptic', state: null });
    expect((await state('userId=skeptic')).overrides).toEqual({ automations: 'lock', 'reports.advanced': 'lock' });
  });

  it('lists the gates whose unlock the user already celebrated, once each, sorted', async () => {
    await send([
      track('cel', 'Gate Unlocked', { gate: 'reports.advanced' }),
      track('cel', 'Gate Unlocked', { gate: 'automations' }),
      track('cel', 'Gate Unlocked', { gate: 'reports.advanced' }, clock - 2 * hour),
      track('cel', 'Gate Unlocked', { gate: 7 }),
      track('cel', 'Gate Unlocked', {}),
      track('cel', 'Gate Blocked', { gate: 'billing' }),
      track('someone-else', 'Gate Unlocked', { gate: 'billing' }),
    ]);
    expect((await state('userId=cel')).celebrated).toEqual(['automations', 'reports.advanced']);
    expect((await state('userId=fresh')).celebrated).toEqual([]);
  });

  it("gives the user's nudge history from their nudge events, skipping malformed ones and those older than 90 days", async () => {
    await send([
      track(
        'nia',
        'Nudge Shown',
        { nudge: 'tasks-help', checklist: 'getting-started', item: 'add-tasks', reason: 'idle-on-step', kind: 'toast', session: 's1' },
        hoursAgo(50),
      ),
      track('nia', 'Nudge Clicked', { nudge: 'tasks-help' }, hoursAgo(49)),
      track('nia', 'Nudge Snoozed', { nudge: 'tasks-help', until: hoursAgo(49) + day }, hoursAgo(49)),
      track('nia', 'Nudge Shown', { nudge: 'invite-help', session: 's2' }, hoursAgo(3)),
      track('nia', 'Nudge Dismissed', { nudge: 'invite-help', checklist: 'getting-started', item: 'invite' }, hoursAgo(2)),
      // Malformed: no session, a snooze without a numeric until, no nudge key, a numeric nudge key.
      track('nia', 'Nudge Shown', { nudge: 'tasks-help' }, hoursAgo(1)),
      track('nia', 'Nudge Snoozed', { nudge: 'tasks-help', until: 'tomorrow' }, hoursAgo(1)),
      track('nia', 'Nudge Dismissed', {}, hoursAgo(1)),
      track('nia', 'Nudge Dismissed', { nudge: 12 }, hoursAgo(1)),
      // Too old.
      track('nia', 'Nudge Dismissed', { nudge: 'old-help' }, clock - 91 * day),
      track('nora', 'Nudge Dismissed', { nudge: 'tasks-help' }, hoursAgo(1)),
    ]);
    expect((await state('userId=nia')).nudges).toEqual([
      { type: 'shown', nudge: 'tasks-help', at: hoursAgo(50), session: 's1' },
      { type: 'snoozed', nudge: 'tasks-help', at: hoursAgo(49), until: hoursAgo(49) + day },
      { type: 'shown', nudge: 'invite-help', at: hoursAgo(3), session: 's2' },
      { type: 'dismissed', nudge: 'invite-help', at: hoursAgo(2) },
    ]);
    // The same on the admin API (servers).
    const admin = await app.request('/v1/admin/users/nia/state', { headers: secret() });
    expect((await readJson(admin)).nudges).toHaveLength(4);
  });

  it('counts triggered starts in the history whatever their age (a trigger that starts once never starts twice), skipping malformed ones', async () => {
    await send([
      track(
        'tia',
        'Experience Started',
        { experience: 'guide:reports-tour', kind: 'guide', key: 'reports-tour', trigger: 'page', session: 's1' },
        clock - 200 * day,
      ),
      track(
        'tia',
        'Experience Started',
        { experience: 'checklist:getting-started', kind: 'checklist', key: 'getting-started', trigger: 'event', session: 's2' },
        hoursAgo(2),
      ),
      // Malformed: no session, no experience.
      track('tia', 'Experience Started', { experience: 'guide:x' }, hoursAgo(1)),
      track('tia', 'Experience Started', { session: 's3' }, hoursAgo(1)),
    ]);
    expect((await state('userId=tia')).nudges).toEqual([
      { type: 'shown', nudge: 'guide:reports-tour', at: clock - 200 * day, session: 's1' },
      { type: 'shown', nudge: 'checklist:getting-started', at: hoursAgo(2), session: 's2' },
    ]);
  });

  it('keeps the newest 500 nudge records, and answers anonymous visitors by anonymousId', async () => {
    const batch = Array.from({ length: 510 }, (_, i) => ({ ...track('many', 'Nudge Shown', { nudge: `n${i}`, session: 's' }, clock - (600 - i) * 60_000) }));
    await send(batch);
    const nudges = (await state('userId=many')).nudges as Array<{ nudge: string; at: number }>;
    expect(nudges).toHaveLength(500);
    expect(nudges[0]!.nudge).toBe('n10');
    expect(nudges[499]!.nudge).toBe('n509');

    await send([
      {
        type: 'track',
        messageId: randomUUID(),
        anonymousId: 'visitor-7',
        event: 'Nudge Dismissed',
        properties: { nudge: 'tasks-help' },
        timestamp: new Date(clock - hour).toISOString(),
      },
    ]);
    const anon = await state('anonymousId=visitor-7');
    expect(anon.nudges).toEqual([{ type: 'dismissed', nudge: 'tasks-help', at: clock - hour }]);
    expect(anon.overrides).toEqual({});
  });
});

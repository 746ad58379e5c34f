import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { backends } from './backends.js';
import { post, readJson } from './fixtures.js';
import { userHashFor } from '../src/apps/user-hash.js';
import { onboardingConfig } from './onboarding-config.js';
import { settlePendingProgress } from '../src/user-state/settle-pending-progress.js';
import { createCurrentConfigReader } from '../src/config/current-config.js';
import { hour, openTestApp, origin, type TestApp } from './test-app.js';

describe.each(backends)('GET /v1/state on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  let clock = Date.parse('2026-03-10T12:30:00.000Z');

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { now: () => clock, config: onboardingConfig }));
  });
  afterAll(() => db.drop());

  const msg = (userId: string, type: string, fields: Record<string, unknown>, at = clock - hour) => ({
    type,
    messageId: randomUUID(),
    userId,
    anonymousId: `device-a-${userId}`,
    timestamp: new Date(at).toISOString(),
    ...fields,
  });
  const track = (userId: string, event: string, properties: Record<string, unknown> = {}, at?: number) => msg(userId, 'track', { event, properties }, at);
  const send = async (batch: unknown[]) => {
    const res = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch }, { Origin: origin }));
    expect(res.status).toBe(200);
    return readJson(res);
  };
  const state = async (query: string) => {
    const res = await app.request(`/v1/state?key=${keys.publicKey}&${query}`, { headers: { Origin: origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    return readJson(res);
  };

  it('knows nothing about a new user, with the config version', async () => {
    const s = await state('userId=nobody');
    expect(s).toEqual({
      snapshot: { user: { events: {}, traits: {} }, account: { events: {}, traits: {} }, milestones: [], items: {}, completed: [] },
      guides: {},
      dismissed: [],
      configVersion: 1,
      overrides: {},
      celebrated: [],
      announcements: {},
      nudges: [],
    });
  });

  it('after a batch of events: checklist items done, milestones reached, counters, traits and start days', async () => {
    const created = '2026-03-01T00:00:00.000Z';
    await send([
      msg('dana', 'identify', { traits: { role: 'admin', name: 'Dana' } }, clock - 3 * hour),
      msg('dana', 'group', { groupId: 'northwind', traits: { plan: 'business', createdAt: created } }, clock - 3 * hour),
      track('dana', 'Project Created'),
      track('dana', 'Task Added'),
      track('dana', 'Task Added'),
      track('dana', 'Task Added', {}, clock - 2 * hour),
      track('dana', 'Teammate Invited'),
      msg('lee', 'track', { event: 'Teammate Invited', context: { groupId: 'northwind' } }),
    ]);
    const s = await state('userId=dana&anonymousId=device-a-dana');
    expect(s.snapshot.items).toEqual({ 'getting-started': ['create-project', 'add-tasks', 'invite'] });
    expect(s.snapshot.completed).toEqual(['getting-started']);
    expect(s.snapshot.milestones.sort()).toEqual(['activated', 'team-formed']);
    // Unverified, the browser gets only the traits the config reads: this config reads none.
    expect(s.snapshot.user.traits).toEqual({});
    expect(s.snapshot.account.traits).toEqual({});
    const verified = await state(`userId=dana&userHash=${userHashFor(keys.secretKey, 'dana')}`);
    expect(verified.snapshot.user.traits).toEqual({ role: 'admin', name: 'Dana' });
    expect(verified.snapshot.account.traits).toEqual({ plan: 'business', createdAt: created });
    expect(s.snapshot.user.startedAt).toBe(clock - 3 * hour);
    expect(s.snapshot.account.startedAt).toBe(Date.parse(created));
    const h = (at: number) => String(Math.floor(at / hour));
    expect(s.snapshot.user.events['Task Added']).toEqual({ total: 3, hours: { [h(clock - hour)]: 2, [h(clock - 2 * hour)]: 1 } });
    // The account counts everyone in it: lee's invite too.
    expect(s.snapshot.account.events['Teammate Invited']).toEqual({ total: 2, hours: { [h(clock - hour)]: 2 } });
  });

  it('is identical from another device of the same user', async () => {
    const first = await state('userId=dana&anonymousId=device-a-dana');
    const second = await state('userId=dana&anonymousId=device-b-dana');
    expect(second).toEqual(first);
  });

  it('keeps progress once recorded when a windowed condition stops holding', async () => {
    await send([track('sam', 'Report Exported', {}, clock - 30 * 60_000)]);
    expect((await state('userId=sam')).snapshot.milestones).toEqual(['exported-today']);
    // The settling job records what ingest queued while the window holds.
    await settlePendingProgress(db.sql, clock, createCurrentConfigReader(db.sql));
    const saved = clock;
    clock += 5 * hour;
    try {
      const later = await state('userId=sam');
      expect(later.snapshot.user.events['Report Exported'].total).toBe(1);
      expect(later.snapshot.milestones).toEqual(['exported-today']);
    } finally {
      clock = saved;
    }
  });

  it('records progress after ingest, for a user without an account too, with no read in between', async () => {
    // A two-hour window, never read while it held: ingest queues the user and the settling job records it, so it stays reached.
    await send([track('tam', 'Report Exported', {}, clock - 30 * 60_000), track('tam', 'Teammate Invited')]);
    const queued = await db.sql.query<{ actor: string }>('select actor from progress_pending where app_id = $1', [keys.appId]);
    expect(queued.rows.map((r) => r.actor)).toContain('tam');
    expect(await settlePendingProgress(db.sql, clock, createCurrentConfigReader(db.sql))).toBeGreaterThan(0);
    expect((await db.sql.query('select actor from progress_pending where app_id = $1', [keys.appId])).rows).toEqual([]);
    const { rows } = await db.sql.query<{ subject: string; kind: string; key: string; source: string }>(
      "select subject, kind, key, source from progress where app_id = $1 and subject = 'user:tam' order by kind, key",
      [keys.appId],
    );
    expect(rows).toEqual([
      { subject: 'user:tam', kind: 'item', key: 'getting-started/invite', source: 'read' },
      { subject: 'user:tam', kind: 'milestone', key: 'exported-today', source: 'read' },
    ]);
    const saved = clock;
    clock += 5 * hour;
    try {
      expect((await state('userId=tam')).snapshot.milestones).toEqual(['exported-today']);
    } finally {
      clock = saved;
    }
  });

  it('puts users back on the queue when settling fails, and settles them on the next round', async () => {
    await send([track('ula', 'Teammate Invited')]);
    const broken = async () => {
      throw new Error('config store unavailable');
    };
    await expect(settlePendingProgress(db.sql, clock, broken)).rejects.toThrow('config store unavailable');
    const queued = await db.sql.query<{ actor: string }>('select actor from progress_pending where app_id = $1', [keys.appId]);
    expect(queued.rows.map((r) => r.actor)).toEqual(['ula']);
    expect(await settlePendingProgress(db.sql, clock, createCurrentConfigReader(db.sql))).toBe(1);
    const { rows } = await db.sql.query("select key from progress where app_id = $1 and subject = 'user:ula'", [keys.appId]);
    expect(rows).toEqual([{ key: 'getting-started/invite' }]);
  });

  it('knows the announcements a user has seen, clicked or dismissed, from any device', async () => {
    await send([
      track('vic', 'Announcement Seen', { announcement: 'automations' }),
      track('vic', 'Announcement Clicked', { announcement: 'automations', action: 'guide' }),
      track('vic', 'Announcement Seen', { announcement: 'dark-mode' }),
      track('vic', 'Announcement Dismissed', { announcement: 'dark-mode' }),
      track('vic', 'Announcement Seen', { announcement: 'exports' }),
      track('vic', 'Announcement Seen', { announcement: 42 }),
    ]);
    expect((await state('userId=vic&anonymousId=another-device')).announcements).toEqual({
      automations: { clicked: true, dismissed: false },
      'dark-mode': { clicked: false, dismissed: true },
      exports: { clicked: false, dismissed: false },
    });
  });

  it('writes nothing when read', async () => {
    const progress = async () => (await db.sql.query('select * from progress where app_id = $1 order by subject, kind, key', [keys.appId])).rows;
    await db.sql.query("delete from progress where app_id = $1 and subject = 'user:dana'", [keys.appId]);
    const before = await progress();
    const s = await state('userId=dana');
    // Still answered as settled, from the events alone.
    expect(s.snapshot.completed).toEqual(['getting-started']);
    expect(await progress()).toEqual(before);
    const gates = await app.request('/v1/gates?userId=dana', { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    expect(gates.status).toBe(200);
    expect(await progress()).toEqual(before);
  });

  it('gives guide positions and checklist dismissals from the latest onboarding events', async () => {
    const t = (minutes: number) => clock - hour + minutes * 60_000;
    await send([
      track('ana', 'Guide Started', { guide: 'create-project' }, t(0)),
      track('ana', 'Guide Step Viewed', { guide: 'create-project', step: 'new' }, t(0)),
      track('ana', 'Guide Step Viewed', { guide: 'create-project', step: 'name' }, t(1)),
      track('ana', 'Guide Started', { guide: 'invite' }, t(2)),
      track('ana', 'Guide Dismissed', { guide: 'invite' }, t(3)),
      track('ana', 'Guide Started', { guide: 'tour' }, t(4)),
      track('ana', 'Guide Completed', { guide: 'tour' }, t(5)),
      track('ana', 'Checklist Dismissed', { checklist: 'getting-started' }, t(6)),
      track('ana', 'Checklist Dismissed', { checklist: 'advanced' }, t(6)),
      track('ana', 'Checklist Opened', { checklist: 'advanced' }, t(7)),
    ]);
    const s = await state('userId=ana');
    expect(s.guides).toEqual({
      'create-project': { status: 'active', step: 'name', at: new Date(t(1)).toISOString() },
      invite: { status: 'dismissed', at: new Date(t(3)).toISOString() },
      tour: { status: 'completed', at: new Date(t(5)).toISOString() },
    });
    expect(s.dismissed).toEqual(['getting-started']);
    // Another device sees the same positions.
    expect((await state('userId=ana&anonymousId=other')).guides).toEqual(s.guides);
  });

  it('answers for an anonymous visitor by anonymousId', async () => {
    await send([
      { type: 'track', messageId: randomUUID(), anonymousId: 'visitor-1', event: 'Project Created', timestamp: new Date(clock - hour).toISOString() },
    ]);
    const s = await state('anonymousId=visitor-1');
    expect(s.snapshot.items).toEqual({ 'getting-started': ['create-project'] });
  });

  it('explains bad queries and refuses other origins', async () => {
    const none = await app.request(`/v1/state?key=${keys.publicKey}`, { headers: { Origin: origin } });
    expect(none.status).toBe(400);
    expect((await readJson(none)).error).toMatchObject({ code: 'invalid_query', field: 'userId' });
    const long = await app.request(`/v1/state?key=${keys.publicKey}&userId=${'x'.repeat(201)}`, { headers: { Origin: origin } });
    expect((await readJson(long)).error.field).toBe('userId');
    const evil = await app.request(`/v1/state?key=${keys.publicKey}&userId=dana`, { headers: { Origin: 'https://evil.test' } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the same state to servers at /v1/admin/users/:userId/state', async () => {
    const res = await app.request('/v1/admin/users/dana/state', { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual(await state(`userId=dana&userHash=${userHashFor(keys.secretKey, 'dana')}`));
    const pub = await app.request('/v1/admin/users/dana/state', { headers: { Authorization: `Bearer ${keys.publicKey}`, Origin: origin } });
    expect(pub.status).toBe(401);
  });
});

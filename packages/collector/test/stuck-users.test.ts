import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { createCurrentConfigReader } from '../src/config/current-config.js';
import { markStuckUsers } from '../src/stuck/mark-stuck-users.js';
import { stuckSweepJob } from '../src/stuck/stuck-sweep-job.js';
import { startJobs } from '../src/jobs/start-jobs.js';
import { sweepStuckUsers } from '../src/stuck/sweep-stuck-users.js';
import { backends, type TestDatabase } from './backends.js';
import { day, iso, origin } from './test-app.js';
import { post, readJson, collectorApp } from './fixtures.js';
import { onboardingConfig } from './onboarding-config.js';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');

/**
 * add-tasks escalates after 3 days (its own nudge beats the checklist's), create-project after 7
 * (the checklist's nudge), invite never (its own nudge has no escalate, and it beats the checklist's).
 */
const stuckConfig = {
  ...onboardingConfig,
  nudges: [
    { key: 'any-help', escalate: { afterDays: 1 } },
    { key: 'started-help', for: { checklist: 'getting-started' }, escalate: { afterDays: 7 } },
    { key: 'tasks-help', for: { checklist: 'getting-started', item: 'add-tasks' }, escalate: { afterDays: 3 } },
    { key: 'tasks-help-2', for: { checklist: 'getting-started', item: 'add-tasks' }, escalate: { afterDays: 30 } },
    { key: 'invite-help', for: { checklist: 'getting-started', item: 'invite' }, kind: 'hotspot' },
  ],
};

describe.each(backends)('stuck users on $name', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof collectorApp>;
  // Events are sent "later" so none of their timestamps is in the collector's future.
  const clock = t0 + 400 * day;

  beforeAll(async () => {
    db = await backend.open();
    app = collectorApp({ sql: db.sql, log: silentLogger, now: () => clock });
  });
  afterAll(() => db.drop());

  /** A new app with the config pushed, and helpers bound to it. */
  async function setup(config: unknown = stuckConfig) {
    const keys: AppKeys = await createApp(db.sql, { name: 'Acme', origins: [origin] });
    const secret = { Authorization: `Bearer ${keys.secretKey}` };
    const pushed = await app.request('/v1/admin/config', {
      method: 'PUT',
      headers: { ...secret, 'Content-Type': 'application/json' },
      body: JSON.stringify(config),
    });
    expect(pushed.status).toBe(201);
    const current = (await createCurrentConfigReader(db.sql)(keys.appId))!;
    const msg = (userId: string, at: number, fields: Record<string, unknown>) => ({
      type: 'track',
      messageId: randomUUID(),
      userId,
      timestamp: iso(at),
      ...fields,
    });
    return {
      keys,
      secret,
      group: (userId: string, groupId: string) => ({ type: 'group', messageId: randomUUID(), userId, groupId, timestamp: iso(t0 - day) }),
      stuck: (userId: string, at: number, item: string, reason = 'idle-on-step') =>
        msg(userId, at, { event: 'User Stuck', properties: { checklist: 'getting-started', item, reason } }),
      completed: (userId: string, at: number, item: string) =>
        msg(userId, at, { event: 'Checklist Item Completed', properties: { checklist: 'getting-started', item } }),
      track: (userId: string, at: number, event: string) => msg(userId, at, { event, properties: {} }),
      async send(batch: unknown[]) {
        const res = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch }, { Origin: origin }));
        expect(res.status).toBe(200);
        expect((await readJson(res)).accepted).toBe(batch.length);
      },
      mark: (now: number) => markStuckUsers(db.sql, keys.appId, current, now),
      async list(query = '') {
        const res = await app.request(`/v1/admin/stuck${query}`, { headers: secret });
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        return (await readJson(res)).stuck;
      },
    };
  }

  it('marks a user still stuck after the nudge escalate.afterDays, with the item and the latest reason; idempotent', async () => {
    const a = await setup();
    await a.send([a.group('ada', 'initech'), a.stuck('ada', t0, 'add-tasks'), a.stuck('ada', t0 + day, 'add-tasks', 'rage-clicks')]);
    expect(await a.mark(t0 + 3 * day - 1)).toEqual({ marked: 0, cleared: 0 });
    expect(await a.list()).toEqual([]);
    expect(await a.mark(t0 + 3 * day)).toEqual({ marked: 1, cleared: 0 });
    const expected = {
      userId: 'ada',
      accountId: 'initech',
      checklist: 'getting-started',
      item: 'add-tasks',
      reason: 'rage-clicks',
      stuckSince: iso(t0),
      lastStuckAt: iso(t0 + day),
      markedAt: iso(t0 + 3 * day),
      clearedAt: null,
    };
    expect(await a.list()).toEqual([expected]);
    expect(await a.mark(t0 + 4 * day)).toEqual({ marked: 0, cleared: 0 });
    expect(await a.list()).toEqual([expected]);
  });

  it("takes the item's own nudge over the checklist's, and the checklist's over a nudge for any item", async () => {
    const a = await setup();
    await a.send([a.stuck('bo', t0, 'create-project', 'repeat-visits'), a.stuck('cy', t0, 'add-tasks')]);
    await a.mark(t0 + 3 * day);
    expect((await a.list()).map((s: { userId: string; item: string }) => `${s.userId}:${s.item}`)).toEqual(['cy:add-tasks']);
    expect(await a.mark(t0 + 7 * day - 1)).toEqual({ marked: 0, cleared: 0 });
    expect(await a.mark(t0 + 7 * day)).toEqual({ marked: 1, cleared: 0 });
    expect((await a.list()).map((s: { userId: string; item: string; reason: string }) => `${s.userId}:${s.item}:${s.reason}`)).toEqual([
      'bo:create-project:repeat-visits',
      'cy:add-tasks:idle-on-step',
    ]);
  });

  it('never marks an item whose nudge does not escalate, nor any item of a config without nudges', async () => {
    const a = await setup();
    await a.send([a.stuck('dee', t0, 'invite')]);
    expect(await a.mark(t0 + 365 * day)).toEqual({ marked: 0, cleared: 0 });
    expect(await a.list('?includeCleared=true')).toEqual([]);
    const b = await setup(onboardingConfig);
    await b.send([b.stuck('dee', t0, 'add-tasks')]);
    expect(await b.mark(t0 + 365 * day)).toEqual({ marked: 0, cleared: 0 });
    expect(await b.list()).toEqual([]);
  });

  it('clears a marked user once the item is completed, and starts over when they get stuck on it again', async () => {
    const a = await setup();
    await a.send([a.stuck('eve', t0, 'add-tasks')]);
    expect((await a.mark(t0 + 3 * day)).marked).toBe(1);
    await a.send([a.completed('eve', t0 + 4 * day, 'add-tasks')]);
    expect(await a.mark(t0 + 5 * day)).toEqual({ marked: 0, cleared: 1 });
    expect(await a.list()).toEqual([]);
    expect(await a.list('?includeCleared=true')).toMatchObject([
      { userId: 'eve', item: 'add-tasks', markedAt: iso(t0 + 3 * day), clearedAt: iso(t0 + 5 * day) },
    ]);
    expect(await a.mark(t0 + 6 * day)).toEqual({ marked: 0, cleared: 0 });

    await a.send([a.stuck('eve', t0 + 10 * day, 'add-tasks', 'errors')]);
    expect(await a.mark(t0 + 12 * day)).toEqual({ marked: 0, cleared: 0 });
    expect(await a.list('?includeCleared=true')).toEqual([]);
    expect(await a.mark(t0 + 13 * day)).toEqual({ marked: 1, cleared: 0 });
    expect(await a.list()).toMatchObject([{ userId: 'eve', reason: 'errors', stuckSince: iso(t0 + 10 * day), markedAt: iso(t0 + 13 * day), clearedAt: null }]);
  });

  it('does not mark a user who did the item through events alone (progress is settled first)', async () => {
    const a = await setup();
    await a.send([
      a.stuck('fay', t0, 'add-tasks'),
      ...[1, 2, 3].map((n) => a.track('fay', t0 + day + n, 'Task Added')),
      a.stuck('gus', t0, 'add-tasks'),
      a.track('gus', t0 + day, 'Task Added'),
    ]);
    expect(await a.mark(t0 + 3 * day)).toEqual({ marked: 1, cleared: 1 });
    expect((await a.list('?includeCleared=true')).map((s: { userId: string }) => s.userId)).toEqual(['gus']);
  });

  it('lists by account, names anonymous visitors by anonymousId, and validates the query', async () => {
    const a = await setup();
    await a.send([
      a.group('hal', 'initech'),
      a.group('ivy', 'umbrella'),
      a.stuck('hal', t0, 'add-tasks'),
      a.stuck('ivy', t0 + 1, 'add-tasks'),
      {
        type: 'track',
        messageId: randomUUID(),
        anonymousId: 'visitor-9',
        event: 'User Stuck',
        properties: { checklist: 'getting-started', item: 'add-tasks', reason: 'errors' },
        timestamp: iso(t0 + 2),
      },
      // Malformed: no item; never a row.
      { type: 'track', messageId: randomUUID(), userId: 'jo', event: 'User Stuck', properties: { checklist: 'getting-started' }, timestamp: iso(t0) },
    ]);
    expect(await a.mark(t0 + 3 * day + 2)).toEqual({ marked: 3, cleared: 0 });
    expect((await a.list('?accountId=umbrella')).map((s: { userId: string }) => s.userId)).toEqual(['ivy']);
    const all = await a.list('?limit=5');
    expect(all.map((s: { userId: string | null }) => s.userId)).toEqual(['hal', 'ivy', null]);
    expect(all[2]).toMatchObject({ anonymousId: 'visitor-9', accountId: null, reason: 'errors' });
    expect(await a.list('?limit=1')).toHaveLength(1);

    for (const [query, field] of [
      ['?includeCleared=yes', 'includeCleared'],
      ['?limit=0', 'limit'],
      ['?accountId=', 'accountId'],
    ]) {
      const res = await app.request(`/v1/admin/stuck${query}`, { headers: a.secret });
      expect(res.status, query).toBe(400);
      expect((await readJson(res)).error, query).toMatchObject({ code: 'invalid_query', field });
    }
    const pub = await app.request('/v1/admin/stuck', { headers: { Authorization: `Bearer ${a.keys.publicKey}`, Origin: origin } });
    expect(pub.status).toBe(401);
  });

  it('is swept for every app with a config, on a schedule whose cleanup stops it', async () => {
    const a = await setup();
    const b = await setup();
    await a.send([a.stuck('kim', t0, 'add-tasks')]);
    await b.send([b.stuck('lou', t0, 'create-project')]);
    const totals = await sweepStuckUsers(db.sql, t0 + 7 * day, createCurrentConfigReader(db.sql));
    expect(totals.marked).toBeGreaterThanOrEqual(2);
    expect((await a.list()).map((s: { userId: string }) => s.userId)).toEqual(['kim']);
    expect((await b.list()).map((s: { userId: string }) => s.userId)).toEqual(['lou']);

    const warnings: string[] = [];
    const job = stuckSweepJob(db.sql, { everyMs: 5, now: () => t0 + 30 * day, currentConfig: createCurrentConfigReader(db.sql) });
    const stop = startJobs([job], { warn: (msg) => warnings.push(msg) });
    await a.send([a.stuck('max', t0, 'add-tasks')]);
    await expect.poll(async () => (await a.list()).length, { timeout: 10_000 }).toBe(2);
    await stop();
    await a.send([a.stuck('ned', t0, 'add-tasks')]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await a.list()).map((s: { userId: string }) => s.userId).sort()).toEqual(['kim', 'max']);
    expect(warnings).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { backends, type TestDatabase } from './backends.js';
import { basic, post, readJson, track, collectorApp } from './fixtures.js';

describe.each(backends)('POST /v1/batch on $name', (backend) => {
  let db: TestDatabase;
  let keys: AppKeys;
  let app: ReturnType<typeof collectorApp>;
  const clock = Date.parse('2026-03-10T12:00:00.000Z');

  beforeAll(async () => {
    db = await backend.open();
    keys = await createApp(db.sql, { name: 'Acme', origins: ['https://app.acme.test', 'http://localhost:*'] });
    app = collectorApp({ sql: db.sql, log: silentLogger, now: () => clock });
  });
  afterAll(() => db.drop());

  const count = async (where = 'true', params: unknown[] = []) =>
    Number((await db.sql.query<{ n: string }>(`select count(*) as n from events where app_id = $1 and ${where}`, [keys.appId, ...params])).rows[0]!.n);

  it('stores a batch with the secret key in the body and answers per message', async () => {
    const batch = [track('Project Created'), track('Task Added')];
    const res = await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch }));
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body).toMatchObject({ ok: true, accepted: 2, duplicates: 0, rejected: 0 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await count('message_id = any($2)', [batch.map((m) => m.messageId)])).toBe(2);
  });

  it('accepts the key as Basic auth user name and as a Bearer token', async () => {
    const a = await app.request('/v1/batch', post({ batch: [track('A')] }, { Authorization: basic(keys.secretKey) }));
    const b = await app.request('/v1/batch', post({ batch: [track('B')] }, { Authorization: `Bearer ${keys.secretKey}` }));
    expect([a.status, b.status]).toEqual([200, 200]);
  });

  it('deduplicates exactly on messageId, within and across requests, and counts rollups once', async () => {
    const m = track('Report Exported', { userId: 'dedup-user', context: { groupId: 'acct-dedup' } });
    const first = await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch: [m, m] }));
    expect((await readJson(first)).results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'duplicate']);
    const again = await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch: [m] }));
    expect((await readJson(again)).results[0].status).toBe('duplicate');
    expect(await count('message_id = $2', [m['messageId']])).toBe(1);
    const users = await db.sql.query<{ count: string }>(
      `select sum(count) as count from usage_all where app_id = $1 and actor = 'dedup-user' and event_key = 'Report Exported'`,
      [keys.appId],
    );
    expect(Number(users.rows[0]!.count)).toBe(1);
    const accounts = await db.sql.query<{ count: string }>(`select sum(count) as count from usage_all where app_id = $1 and account_id = 'acct-dedup'`, [
      keys.appId,
    ]);
    expect(Number(accounts.rows[0]!.count)).toBe(1);
  });

  it('keeps rollups per user and account: counts, first and last seen, daily active users', async () => {
    const t = (iso: string, userId: string) => track('Project Created', { userId, timestamp: iso });
    const group = {
      type: 'group',
      messageId: randomUUID(),
      userId: 'r1',
      groupId: 'acct-roll',
      traits: { name: 'Northwind', seats: 10 },
      timestamp: '2026-03-08T09:00:00.000Z',
    };
    const batch = [group, t('2026-03-08T10:00:00.000Z', 'r1'), t('2026-03-09T10:00:00.000Z', 'r1')];
    await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch, sentAt: new Date(clock).toISOString() }));
    // r2 joins the account in a later batch; its event goes to the account through context.groupId.
    await app.request(
      '/v1/batch',
      post({
        writeKey: keys.secretKey,
        batch: [track('Project Created', { userId: 'r2', timestamp: '2026-03-09T11:00:00.000Z', context: { groupId: 'acct-roll' } })],
      }),
    );
    // r1's later event has no group at all: the stored user's account is used.
    await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch: [t('2026-03-10T08:00:00.000Z', 'r1')] }));
    const acc = await db.sql.query<{ count: string; first_seen: Date; last_seen: Date }>(
      `select sum(count) as count, min(first_seen) as first_seen, max(last_seen) as last_seen from usage_all
       where app_id = $1 and account_id = 'acct-roll' and event_key = 'Project Created'`,
      [keys.appId],
    );
    expect(Number(acc.rows[0]!.count)).toBe(4);
    expect(new Date(acc.rows[0]!.first_seen).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(new Date(acc.rows[0]!.last_seen).toISOString()).toBe('2026-03-10T08:00:00.000Z');
    const daily = await db.sql.query<{ day: string; n: string }>(
      `select to_char(day, 'YYYY-MM-DD') as day, count(*) as n from daily_active_all where app_id = $1 and account_id = 'acct-roll' group by day order by day`,
      [keys.appId],
    );
    expect(daily.rows.map((r) => [r.day, Number(r.n)])).toEqual([
      ['2026-03-08', 1],
      ['2026-03-09', 2],
      ['2026-03-10', 1],
    ]);
    const account = await db.sql.query<{ traits: Record<string, unknown> }>(`select traits from accounts where app_id = $1 and account_id = 'acct-roll'`, [
      keys.appId,
    ]);
    expect(account.rows[0]!.traits).toEqual({ name: 'Northwind', seats: 10 });
  });

  it('keeps users and accounts current when they move, appear earlier or gain an id, with the same app writing in between', async () => {
    const send = (batch: unknown[]) => app.request('/v1/batch', post({ writeKey: keys.secretKey, batch }));
    const at = (iso: string, groupId: string, extra: Record<string, unknown> = {}) =>
      track('Task Added', { userId: 'mover', timestamp: iso, context: { groupId }, ...extra });
    const user = async () =>
      (
        await db.sql.query<{ account_id: string; first_seen: Date; anonymous_id: string | null }>(
          `select account_id, first_seen, anonymous_id from users where app_id = $1 and actor = 'mover'`,
          [keys.appId],
        )
      ).rows[0]!;
    await send([at('2026-03-09T10:00:00.000Z', 'acct-a')]);
    await send([at('2026-03-09T11:00:00.000Z', 'acct-a')]);
    expect((await user()).account_id).toBe('acct-a');
    // The collector already knows this user on acct-a; a message on acct-b must still move it.
    await send([at('2026-03-09T12:00:00.000Z', 'acct-b')]);
    expect((await user()).account_id).toBe('acct-b');
    await send([at('2026-03-09T13:00:00.000Z', 'acct-a')]);
    expect((await user()).account_id).toBe('acct-a');
    // A late message from before first seen moves first seen earlier, for the user and the account.
    await send([at('2026-03-01T08:00:00.000Z', 'acct-a')]);
    expect(new Date((await user()).first_seen).toISOString()).toBe('2026-03-01T08:00:00.000Z');
    const account = await db.sql.query<{ first_seen: Date }>(`select first_seen from accounts where app_id = $1 and account_id = 'acct-a'`, [keys.appId]);
    expect(new Date(account.rows[0]!.first_seen).toISOString()).toBe('2026-03-01T08:00:00.000Z');
    // An id the row lacked is filled in.
    await send([at('2026-03-09T14:00:00.000Z', 'acct-a', { anonymousId: 'anon-mover' })]);
    expect((await user()).anonymous_id).toBe('anon-mover');
  });

  it('merges traits so a late, older identify never overwrites newer traits', async () => {
    const identify = (ts: string, traits: Record<string, unknown>) => ({
      type: 'identify',
      messageId: randomUUID(),
      userId: 'traits-user',
      traits,
      timestamp: ts,
    });
    await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch: [identify('2026-03-09T10:00:00.000Z', { plan: 'pro', role: 'admin' })] }));
    await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch: [identify('2026-03-01T10:00:00.000Z', { plan: 'free', email: 'a@b.c' })] }));
    const { rows } = await db.sql.query<{ traits: Record<string, unknown> }>(`select traits from users where app_id = $1 and actor = 'traits-user'`, [
      keys.appId,
    ]);
    expect(rows[0]!.traits).toEqual({ plan: 'pro', role: 'admin', email: 'a@b.c' });
  });

  it('corrects timestamps by the client clock offset and keeps their source', async () => {
    // The client clock runs 1 hour behind the server.
    const sentAt = new Date(clock - 3_600_000).toISOString();
    const ahead = track('Skewed', { timestamp: new Date(clock - 3_600_000 - 5000).toISOString() });
    const future = track('Future', { timestamp: new Date(clock + 86_400_000).toISOString() });
    const none: Record<string, unknown> = { ...track('NoTime'), timestamp: undefined };
    await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch: [ahead], sentAt }));
    await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch: [future, none] }));
    const row = async (id: unknown) =>
      (await db.sql.query<{ ts: Date; ts_source: string }>('select ts, ts_source from events where app_id = $1 and message_id = $2', [keys.appId, id]))
        .rows[0]!;
    const a = await row(ahead['messageId']);
    expect(new Date(a.ts).getTime()).toBe(clock - 5000);
    expect(a.ts_source).toBe('client_corrected');
    const f = await row(future['messageId']);
    expect([new Date(f.ts).getTime(), f.ts_source]).toEqual([clock, 'server_clamped']);
    const n = await row(none['messageId']);
    expect([new Date(n.ts).getTime(), n.ts_source]).toEqual([clock, 'server']);
  });

  it('takes text/plain beacon bodies with the public key from an allowed origin, with CORS headers', async () => {
    const res = await app.request('/v1/batch', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'https://app.acme.test' },
      body: JSON.stringify({ writeKey: keys.publicKey, batch: [track('Beaconed')] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.acme.test');
    const local = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch: [track('Local')] }, { Origin: 'http://localhost:5173' }));
    expect(local.status).toBe(200);
  });

  it('answers CORS preflight', async () => {
    const res = await app.request('/v1/batch', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.acme.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.acme.test');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('refuses a public key from another origin, without an origin, or on admin calls', async () => {
    const other = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch: [track('X')] }, { Origin: 'https://evil.test' }));
    expect(other.status).toBe(403);
    expect((await readJson(other)).error.code).toBe('origin_not_allowed');
    const noOrigin = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch: [track('X')] }));
    expect((await readJson(noOrigin)).error.code).toBe('origin_required');
    const admin = await app.request('/v1/admin/app', { headers: { Authorization: `Bearer ${keys.publicKey}` } });
    expect(admin.status).toBe(401);
    expect((await readJson(admin)).error.code).toBe('secret_key_required');
  });

  it('refuses a missing or unknown key with 401 and a clear error', async () => {
    const missing = await app.request('/v1/batch', post({ batch: [track('X')] }));
    expect(missing.status).toBe(401);
    expect((await readJson(missing)).error).toMatchObject({ code: 'missing_key' });
    const wrong = await app.request('/v1/batch', post({ batch: [track('X')] }, { Authorization: 'Bearer sk_nope' }));
    expect(wrong.status).toBe(401);
    expect((await readJson(wrong)).error.code).toBe('invalid_key');
  });

  it('serves admin reads with the secret key', async () => {
    const res = await app.request('/v1/admin/events?limit=2', { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    expect(res.status).toBe(200);
    expect((await readJson(res)).events).toHaveLength(2);
    const usage = await app.request('/v1/admin/usage?accountId=acct-roll', { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    expect((await readJson(usage)).events[0]).toMatchObject({ event: 'Project Created', count: 4 });
  });

  it('reports health with the database engine', async () => {
    const res = await app.request('/healthz');
    expect(await readJson(res)).toEqual({ status: 'ok', database: backend.name });
  });
});

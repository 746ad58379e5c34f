import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoffDelay } from '@waymark/core';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { defaultDeliveryOptions, type DeliveryOptions } from '../src/alerts/delivery-options.js';
import { fanOutAlerts } from '../src/alerts/fan-out-alerts.js';
import { sendDueDeliveries } from '../src/alerts/send-due-deliveries.js';
import { webhooksJob } from '../src/alerts/webhooks-job.js';
import { startJobs } from '../src/jobs/start-jobs.js';
import { backends, type TestDatabase } from './backends.js';
import { post, readJson, collectorApp } from './fixtures.js';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');

/** What a receiver does: recompute the HMAC of "t.body" with the secret, compare in constant time, refuse old timestamps. */
function verify(secret: string, header: string, rawBody: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts['t']);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts['v1']) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts['v1'], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real local HTTP receiver answering each request with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[] = [200]): Promise<{ url: string; received: Received[]; close(): Promise<void>; answer(next: number[]): void }> {
  const received: Received[] = [];
  let queue = [...statuses];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = queue.length > 1 ? queue.shift()! : queue[0]!;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status >= 300 ? 'nope' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer: (next) => (queue = [...next]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(backends)('webhooks on $name', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof collectorApp>;
  let clock = t0;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const options = (extra: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
    ...defaultDeliveryOptions,
    now: () => clock,
    random: () => 0.5,
    maxAttempts: 4,
    backoff: { baseMs: 1000, capMs: 60_000, factor: 2 },
    timeoutMs: 2000,
    ...extra,
  });

  beforeAll(async () => {
    db = await backend.open();
    // Migration 6 (account analytics) defines alert_outbox; this only stands in while it is absent.
    await db.sql.exec(`create table if not exists alert_outbox (
      id bigserial, app_id text not null, account_id text not null, kind text not null, flag text not null,
      payload jsonb not null, created_at timestamptz not null, primary key (app_id, id))`);
    app = collectorApp({ sql: db.sql, log: silentLogger, now: () => clock });
    hook = await receiver();
  });
  afterAll(async () => {
    await hook.close();
    await db.drop();
  });

  async function setup() {
    const keys: AppKeys = await createApp(db.sql, { name: 'Acme', origins: [] });
    const secret = { Authorization: `Bearer ${keys.secretKey}` };
    return {
      keys,
      secret,
      async subscribe(body: Record<string, unknown>) {
        const res = await app.request('/v1/admin/webhooks', post({ by: 'ops@acme.test', ...body }, secret));
        expect(res.status).toBe(201);
        return (await readJson(res)) as { subscription: { id: string }; secret: string };
      },
      async raise(kind: 'flag.raised' | 'flag.cleared', accountId: string, flag: string, payload: Record<string, unknown> = {}) {
        await db.sql.query('insert into alert_outbox (app_id, account_id, kind, flag, payload, created_at) values ($1, $2, $3, $4, $5::jsonb, $6)', [
          keys.appId,
          accountId,
          kind,
          flag,
          JSON.stringify(payload),
          new Date(clock).toISOString(),
        ]);
      },
      async deliveries(id: string, query = '') {
        const res = await app.request(`/v1/admin/webhooks/${id}/deliveries${query}`, { headers: secret });
        expect(res.status).toBe(200);
        return (await readJson(res)).deliveries;
      },
    };
  }

  it('validates subscriptions, lists them without secrets, and deletes them', async () => {
    const a = await setup();
    const bad = async (body: unknown, field: string) => {
      const res = await app.request('/v1/admin/webhooks', post(body, a.secret));
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.field).toBe(field);
    };
    await bad({ url: 'http://example.com/hook', by: 'x' }, 'url');
    await bad({ url: 'ftp://localhost/hook', by: 'x' }, 'url');
    await bad({ url: 'https://user:pw@example.com/hook', by: 'x' }, 'url');
    await bad({ url: 'https://example.com/hook', by: 'x', events: ['flag.exploded'] }, 'events.0');
    await bad({ url: 'https://example.com/hook', by: 'x', colour: 'red' }, 'colour');
    await bad({ url: 'https://example.com/hook' }, 'by');
    const created = await a.subscribe({ url: 'https://hooks.example.com/waymark', events: ['flag.raised'] });
    expect(created.secret).toMatch(/^whsec_/);
    const createdAt = new Date(clock).toISOString();
    clock += 1000;
    await a.subscribe({ url: 'http://localhost:9/dev', format: 'slack' });
    const list = await readJson(await app.request('/v1/admin/webhooks', { headers: a.secret }));
    expect(list.subscriptions).toHaveLength(2);
    expect(list.subscriptions[0]).toEqual({
      id: created.subscription.id,
      url: 'https://hooks.example.com/waymark',
      format: 'json',
      events: ['flag.raised'],
      createdBy: 'ops@acme.test',
      createdAt,
      disabledAt: null,
      disabledReason: null,
    });
    expect(JSON.stringify(list)).not.toContain('whsec_');
    expect((await app.request(`/v1/admin/webhooks/${created.subscription.id}`, { method: 'DELETE', headers: a.secret })).status).toBe(204);
    expect((await app.request(`/v1/admin/webhooks/${created.subscription.id}`, { method: 'DELETE', headers: a.secret })).status).toBe(404);
    expect((await app.request('/v1/admin/webhooks', { headers: { Authorization: `Bearer ${a.keys.publicKey}` } })).status).toBe(401);
  });

  it('fans out outbox rows once to the subscriptions that want them, signed like a receiver checks', async () => {
    const a = await setup();
    const all = await a.subscribe({ url: `${hook.url}/all` });
    const cleared = await a.subscribe({ url: `${hook.url}/cleared`, events: ['flag.cleared'] });
    await a.raise('flag.raised', 'initech', 'no-activity-7d', { day: 5, health: 42, band: 'red' });
    await a.raise('flag.cleared', 'initech', 'no-activity-7d', { day: 9 });
    expect(await fanOutAlerts(db.sql, clock)).toBe(3);
    expect(await fanOutAlerts(db.sql, clock)).toBe(0);
    hook.received.length = 0;
    const outcomes = await sendDueDeliveries(db.sql, options());
    expect([...outcomes.values()].map((o) => o.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(hook.received.map((r) => r.path).sort()).toEqual(['/all', '/all', '/cleared']);
    for (const r of hook.received) {
      const secret = r.path === '/all' ? all.secret : cleared.secret;
      expect(verify(secret, String(r.headers['waymark-signature']), r.body, Math.floor(clock / 1000))).toBe(true);
      expect(verify(secret, String(r.headers['waymark-signature']), r.body.replace('initech', 'initec'), Math.floor(clock / 1000))).toBe(false);
      expect(verify(secret, String(r.headers['waymark-signature']), r.body, Math.floor(clock / 1000) + 3600)).toBe(false);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['waymark-delivery']).toMatch(/^whd_/);
      const body = JSON.parse(r.body);
      expect(r.headers['waymark-event']).toBe(body.type);
    }
    const raised = JSON.parse(hook.received.find((r) => r.headers['waymark-event'] === 'flag.raised')!.body);
    expect(raised).toEqual({
      id: expect.stringMatching(/^evt_flag_\d+$/),
      type: 'flag.raised',
      createdAt: new Date(clock).toISOString(),
      appId: a.keys.appId,
      data: { accountId: 'initech', flag: 'no-activity-7d', day: 5, health: 42, band: 'red' },
    });
    const log = await a.deliveries(all.subscription.id);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseCode: 200,
      error: null,
      deliveredAt: new Date(clock).toISOString(),
      nextAttemptAt: null,
    });
    expect(log[0].attemptLog).toEqual([{ attempt: 1, at: new Date(clock).toISOString(), responseCode: 200, error: null, durationMs: expect.any(Number) }]);
    // Same event id for every subscription.
    const clearedLog = await a.deliveries(cleared.subscription.id);
    expect(log.map((d: { eventId: string }) => d.eventId)).toContain(clearedLog[0].eventId);
  });

  it('retries with backoff against a receiver that fails twice, logging every attempt', async () => {
    const a = await setup();
    const flaky = await receiver([500, 503, 200]);
    try {
      const sub = await a.subscribe({ url: `${flaky.url}/flaky` });
      await a.raise('flag.raised', 'globex', 'usage-drop');
      await fanOutAlerts(db.sql, clock);
      const start = clock;
      const o = options();
      expect([...(await sendDueDeliveries(db.sql, o)).values()]).toEqual([{ status: 'pending', responseCode: 500, error: 'HTTP 500: nope' }]);
      // Not due yet: nothing is sent before the backoff has passed.
      clock = start + backoffDelay(0, o.random, o.backoff) - 1;
      expect((await sendDueDeliveries(db.sql, o)).size).toBe(0);
      let [d] = await a.deliveries(sub.subscription.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 1, responseCode: 500, nextAttemptAt: new Date(start + 750).toISOString() });
      clock = start + 750;
      expect([...(await sendDueDeliveries(db.sql, o)).values()][0]).toMatchObject({ status: 'pending', responseCode: 503 });
      [d] = await a.deliveries(sub.subscription.id);
      // Second retry: 2 s step, equal jitter at random 0.5 → 1.5 s.
      expect(d.nextAttemptAt).toBe(new Date(start + 750 + 1500).toISOString());
      clock = start + 2250;
      expect([...(await sendDueDeliveries(db.sql, o)).values()][0]).toMatchObject({ status: 'delivered', responseCode: 200 });
      [d] = await a.deliveries(sub.subscription.id);
      expect(d).toMatchObject({ status: 'delivered', attempts: 3, responseCode: 200, error: null, deliveredAt: new Date(start + 2250).toISOString() });
      expect(d.attemptLog.map((x: { responseCode: number }) => x.responseCode)).toEqual([500, 503, 200]);
      expect(flaky.received).toHaveLength(3);
      // Each attempt is signed afresh with the same delivery id.
      expect(new Set(flaky.received.map((r) => r.headers['waymark-delivery'])).size).toBe(1);
      expect(flaky.received.every((r) => verify(sub.secret, String(r.headers['waymark-signature']), r.body, Math.floor(clock / 1000)))).toBe(true);
    } finally {
      await flaky.close();
    }
  });

  it('fails a delivery after the last attempt, and after a timeout or a refused connection records the error', async () => {
    const a = await setup();
    const down = await receiver([500]);
    const sub = await a.subscribe({ url: `${down.url}/down` });
    await a.raise('flag.raised', 'hooli', 'health-falling');
    await fanOutAlerts(db.sql, clock);
    const o = options({ maxAttempts: 2 });
    await sendDueDeliveries(db.sql, o);
    await down.close();
    clock += 60_000;
    const [last] = [...(await sendDueDeliveries(db.sql, o)).values()];
    expect(last).toMatchObject({ status: 'failed', responseCode: null });
    expect(last!.error).toMatch(/fetch failed|ECONNREFUSED/);
    const [d] = await a.deliveries(sub.subscription.id, '?status=failed');
    expect(d).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null });
    expect(d.attemptLog.map((x: { responseCode: number | null }) => x.responseCode)).toEqual([500, null]);
  });

  it('disables the subscription on 410 Gone; nothing more is sent to it', async () => {
    const a = await setup();
    const gone = await receiver([410]);
    try {
      const sub = await a.subscribe({ url: `${gone.url}/gone` });
      await a.raise('flag.raised', 'umbrella', 'no-activity-7d');
      await a.raise('flag.raised', 'umbrella', 'seats-unused');
      await fanOutAlerts(db.sql, clock);
      const outcomes = [...(await sendDueDeliveries(db.sql, options(), { concurrency: 1 })).values()];
      expect(outcomes.map((x) => x.status)).toEqual(['failed', 'failed']);
      expect(gone.received.length).toBe(1);
      const list = (await readJson(await app.request('/v1/admin/webhooks', { headers: a.secret }))).subscriptions;
      expect(list[0]).toMatchObject({ disabledAt: new Date(clock).toISOString(), disabledReason: 'the receiver answered 410 Gone' });
      const log = await a.deliveries(sub.subscription.id);
      expect(log.map((d: { error: string }) => d.error).sort()).toEqual(['HTTP 410: nope', 'the subscription is disabled']);
      await a.raise('flag.raised', 'umbrella', 'usage-drop');
      expect(await fanOutAlerts(db.sql, clock)).toBe(0);
      expect((await app.request(`/v1/admin/webhooks/${sub.subscription.id}/test`, { method: 'POST', headers: a.secret })).status).toBe(409);
    } finally {
      await gone.close();
    }
  });

  it('sends Slack incoming-webhook messages in the slack format, and a test event on request', async () => {
    const a = await setup();
    const sub = await a.subscribe({ url: `${hook.url}/slack`, format: 'slack' });
    hook.received.length = 0;
    const res = await app.request(`/v1/admin/webhooks/${sub.subscription.id}/test`, { method: 'POST', headers: a.secret });
    expect(res.status).toBe(200);
    expect((await readJson(res)).delivery).toMatchObject({ event: 'webhook.test', status: 'delivered', attempts: 1, responseCode: 200 });
    await a.raise('flag.raised', 'initech', 'no-activity-7d', { day: 5, health: 42, band: 'red', accountName: 'Initech <Corp>' });
    await fanOutAlerts(db.sql, clock);
    await sendDueDeliveries(db.sql, options());
    expect(hook.received.map((r) => r.headers['waymark-event'])).toEqual(['webhook.test', 'flag.raised']);
    for (const r of hook.received) {
      const body = JSON.parse(r.body);
      expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
      expect(typeof body.text).toBe('string');
      for (const block of body.blocks) expect(['section', 'context', 'header']).toContain(block.type);
      expect(body.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: body.text } });
      expect(verify(sub.secret, String(r.headers['waymark-signature']), r.body, Math.floor(clock / 1000))).toBe(true);
    }
    expect(JSON.parse(hook.received[1]!.body).text).toBe(':warning: Flag raised on *Initech &lt;Corp&gt;*: `no-activity-7d` — day 5, health 42 (red)');
  });

  it('runs on a timer whose cleanup stops it', async () => {
    const a = await setup();
    await a.subscribe({ url: `${hook.url}/timer` });
    await a.raise('flag.cleared', 'initech', 'usage-drop');
    hook.received.length = 0;
    const stop = startJobs([webhooksJob(db.sql, { everyMs: 20, delivery: options() })], {
      warn: (msg, fields) => expect.fail(`${msg}: ${String(fields?.error)}`),
    });
    await expect.poll(() => hook.received.filter((r) => r.path === '/timer').length, { timeout: 5000 }).toBe(1);
    await stop();
    await a.raise('flag.cleared', 'initech', 'usage-drop');
    await new Promise((r) => setTimeout(r, 100));
    expect(hook.received.filter((r) => r.path === '/timer').length).toBe(1);
  });
});

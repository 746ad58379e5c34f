import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponses, type ContractViolation } from '../src/http/check-responses.js';
import { createCollectorApp } from '../src/create-collector-app.js';
import type { CollectorEnv } from '../src/http/env.js';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { backends, type TestDatabase } from './backends.js';
import { readJson } from './fixtures.js';

// Each test has its own recorder: these answers break the contract on purpose, and must not
// count as violations of the suite (test/contract-setup.ts).
const recorder = () => {
  const seen: string[] = [];
  const violations: ContractViolation[] = [];
  return {
    seen,
    violations,
    checked: (route: string, status: number) => seen.push(`${route} ${status}`),
    violation: (v: ContractViolation) => violations.push(v),
  };
};

describe('the contract check', () => {
  let db: TestDatabase;
  let keys: AppKeys;
  beforeAll(async () => {
    db = await backends[0]!.open();
    keys = await createApp(db.sql, { name: 'Acme', origins: [] });
  });
  afterAll(() => db.drop());

  it('passes answers that keep the contract, and records the route', async () => {
    const rec = recorder();
    const app = createCollectorApp({ sql: db.sql, log: silentLogger, checkResponses: rec });
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/v1/admin/events')).status).toBe(401);
    expect(rec.seen).toEqual(['GET /healthz 200', 'GET /v1/admin/events 401']);
    expect(rec.violations).toEqual([]);
  });

  it('turns a stored row that drifts from the schema into a 500 contract_violation naming the field', async () => {
    // An event whose timestamp source the contract does not know.
    await db.sql.query(
      `insert into events (app_id, message_id, type, event, actor, ts, received_at, ts_source) values ($1, 'm1', 'track', 'Signed Up', 'u1', now(), now(), 'guessed')`,
      [keys.appId],
    );
    const rec = recorder();
    const app = createCollectorApp({ sql: db.sql, log: silentLogger, checkResponses: rec });
    const res = await app.request('/v1/admin/events', { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    expect(res.status).toBe(500);
    const body = await readJson(res);
    expect(body.error.code).toBe('contract_violation');
    expect(body.error.message).toContain('GET /v1/admin/events answered 200, against the contract of GET /v1/admin/events: events.0.timestampSource:');
    expect(rec.violations).toEqual([
      expect.objectContaining({ route: 'GET /v1/admin/events', status: 200, problem: expect.stringMatching(/^events\.0\.timestampSource: /) }),
    ]);
  });

  it('refuses a status or a body the contract does not declare', async () => {
    const rec = recorder();
    const app = new Hono<CollectorEnv>();
    app.use('*', checkResponses(silentLogger, rec));
    app.get('/healthz', (c) => c.json({ status: 'ok', database: 'pglite' }, 201));
    app.get('/v1/config', (c) => c.json({ version: 0 }));
    app.get('/v1/admin/app', (c) => c.text('app'));
    expect((await app.request('/healthz')).status).toBe(500);
    expect((await app.request('/v1/config')).status).toBe(500);
    expect((await app.request('/v1/admin/app')).status).toBe(500);
    expect(rec.violations.map((v) => `${v.route} ${v.status}: ${v.problem}`)).toEqual([
      'GET /healthz 201: status 201 is not in the contract',
      expect.stringMatching(/^GET \/v1\/config 200: version: /),
      'GET /v1/admin/app 200: answered text/plain; the contract says application/json',
    ]);
  });
});

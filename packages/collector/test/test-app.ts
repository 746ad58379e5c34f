import { expect } from 'vitest';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { createCsmUser } from '../src/auth/csm-users.js';
import type { Backend, TestDatabase } from './backends.js';
import { randomUUID } from 'node:crypto';
import { collectorApp, contract, post, readJson } from './fixtures.js';
import { startCollector, type RunningCollector } from '../src/start-collector.js';

/** An hour and a day in ms, and a time as the API writes it. */
export const hour = 3_600_000;
export const day = 24 * hour;
export const iso = (ms: number): string => new Date(ms).toISOString();

/** The browser origin of the test app. */
export const origin = 'https://app.acme.test';

/** A test database, its one app's keys, and the collector app over it. */
export interface TestApp {
  db: TestDatabase;
  keys: AppKeys;
  app: ReturnType<typeof collectorApp>;
}

/** How openTestApp sets the app up. */
export interface TestAppOptions {
  /** The collector's clock (default: the real one). */
  now?: () => number;
  /** A config to push through the admin API. */
  config?: unknown;
  /** How long app keys are cached (default: the collector's). */
  keyCacheMs?: number;
  /** Whether the collector trusts X-Forwarded-For (default: no). */
  trustProxy?: boolean;
}

/**
 * Opens a database on `backend` with one app, Acme (browsers from `origin`), and the collector
 * app over it (every answer checked against the contract); pushes `options.config` when given.
 */
export async function openTestApp(backend: Backend, options: TestAppOptions = {}): Promise<TestApp> {
  const db = await backend.open();
  const keys = await createApp(db.sql, { name: 'Acme', origins: [origin] });
  const app = collectorApp({
    sql: db.sql,
    log: silentLogger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.keyCacheMs !== undefined ? { keyCacheMs: options.keyCacheMs } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  if (options.config !== undefined) {
    const res = await app.request('/v1/admin/config', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(options.config),
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  return { db, keys, app };
}

/** A group message: `userId` joins `groupId` at `at`, an account created then, with `traits`. */
export function groupMessage(userId: string, groupId: string, at: number, traits: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'group', messageId: randomUUID(), userId, groupId, traits: { createdAt: iso(at), ...traits }, timestamp: iso(at) };
}

/** Sends `batch` with the app's secret key and expects every message accepted. */
export async function sendBatch(t: Pick<TestApp, 'app' | 'keys'>, batch: unknown[]): Promise<void> {
  const res = await t.app.request('/v1/batch', post({ batch }, { Authorization: `Bearer ${t.keys.secretKey}` }));
  expect((await readJson(res)).accepted).toBe(batch.length);
}

/** A track message of `userId` in the account `groupId` (through context.groupId) at `at`. */
export function trackMessage(userId: string, groupId: string, at: number, event: string, properties: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'track', messageId: randomUUID(), userId, event, properties, timestamp: iso(at), context: { groupId } };
}

/** Creates a CSM user with access to the app and logs them in; returns their session cookie (`waymark_session=…`). */
export async function csmSession(t: TestApp, email: string, now: number): Promise<string> {
  const password = 'staple grown pony';
  await createCsmUser(t.db.sql, { email, name: 'Cy', role: 'csm', password, apps: [t.keys.appId] }, now);
  const login = await t.app.request('/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = /waymark_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** A collector serving over real HTTP, its database and its one app's keys. */
export interface ServedApp {
  db: TestDatabase;
  keys: AppKeys;
  collector: RunningCollector;
}

/** Opens a database on `backend` with one app and serves the collector over it on a free port of 127.0.0.1 (answers checked against the contract). */
export async function serveTestApp(backend: Backend): Promise<ServedApp> {
  const db = await backend.open();
  const keys = await createApp(db.sql, { name: 'Acme', origins: [] });
  const collector = await startCollector({ sql: db.sql, log: silentLogger, port: 0, host: '127.0.0.1', checkResponses: contract });
  return { db, keys, collector };
}

/** Stops a served app: closing the collector closes its database; for PostgreSQL the schema is dropped after. */
export async function closeServedApp(served: Partial<ServedApp>): Promise<void> {
  await served.collector?.close();
  await served.db?.drop().catch(() => {});
}

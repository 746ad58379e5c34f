import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AppKeys, RunningCollector, Sql } from '@waymark/collector';
import { startAcme } from '@waymark/example-acme';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.mjs';
import { pollUntil } from './poll.js';
import { createPagePool } from './page-pool.js';
import { pushConfig, startTestCollector } from './test-collector.js';

/**
 * Acme's own onboarding config (examples/acme/waymark.config.ts, built to JSON by its build). By
 * default without its triggers (the Reports tour, the Automations announcement), so a test sees
 * only what it drives; `{ asShipped: true }` keeps them, as the demo runs it.
 */
export function acmeOnboarding({ asShipped = false } = {}): Record<string, unknown> {
  const config = JSON.parse(readFileSync(new URL('../../examples/acme/dist/waymark.config.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  if (!asShipped)
    for (const section of ['guides', 'checklists', 'announcements'])
      for (const x of (config[section] ?? []) as Array<Record<string, unknown>>) delete x['trigger'];
  return config;
}

/** A collector with a config pushed, Acme in front of it, and Chromium: what the guidance tests drive. */
export interface GuidanceEnv {
  sql: Sql;
  keys: AppKeys;
  collector: RunningCollector;
  acme: { url: string; close(): Promise<void> };
  browser: Browser;
  /** Pushes a config document through the admin API (validated and versioned, as `waymark push` does). */
  push(config: unknown): Promise<void>;
  /** The user's stored track events, oldest first, as `event` + properties. */
  events(userId: string): Promise<Array<{ event: string; properties: Record<string, unknown> }>>;
  /** The user's state as the collector serves it (`GET /v1/admin/users/:id/state`). */
  state(userId: string): Promise<{ guides: Record<string, { status: string; step?: string }> } & Record<string, unknown>>;
  /** Polls the stored events until `done` holds. */
  eventsUntil(
    userId: string,
    done: (events: Array<{ event: string; properties: Record<string, unknown> }>) => boolean,
  ): Promise<Array<{ event: string; properties: Record<string, unknown> }>>;
  close(): Promise<void>;
}

/** Starts everything; `config` is pushed before any page loads. */
export async function startGuidanceEnv(config: unknown = acmeOnboarding()): Promise<GuidanceEnv> {
  const { sql, keys, collector } = await startTestCollector();
  const acme = await startAcme({ port: 0, host: '127.0.0.1', collectorUrl: collector.url, publicKey: keys.publicKey });
  const browser = await launchBrowser();
  const push = (document: unknown) => pushConfig(collector, keys, document);
  const events = async (userId: string) =>
    (
      await sql.query<{ event: string; properties: Record<string, unknown> | null }>(
        "select event, properties from events where app_id = $1 and user_id = $2 and type = 'track' order by ts, received_at",
        [keys.appId, userId],
      )
    ).rows.map((r) => ({ event: r.event, properties: r.properties ?? {} }));
  await push(config);
  return {
    sql,
    keys,
    collector,
    acme,
    browser,
    push,
    events,
    eventsUntil: (userId, done) => pollUntil(() => events(userId), done, 20_000),
    async state(userId) {
      const res = await fetch(`${collector.url}/v1/admin/users/${encodeURIComponent(userId)}/state`, {
        headers: { Authorization: `Bearer ${keys.secretKey}` },
      });
      if (!res.ok) throw new Error(`state failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as never;
    },
    async close() {
      await browser.close();
      await acme.close();
      await collector.close();
    },
  };
}

/** Sends what the page's tracker has queued now. */
export async function flush(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { waymark: { flush(): Promise<void> } }).waymark.flush());
}

/** Calls a method of the page's `window.waymark`. */
export async function callWaymark(page: Page, method: string, ...args: unknown[]): Promise<void> {
  await page.evaluate(
    ([m, a]) => (window as unknown as Record<string, Record<string, (...x: unknown[]) => void>>)['waymark']![m as string]!(...(a as unknown[])),
    [method, args] as const,
  );
}

/**
 * The hooks every guidance test file runs: starts a GuidanceEnv with `config()` (Acme's own when
 * not given) before the file's tests, closes it after them, and fails a test that leaves an
 * uncaught page error. Returns the env (filled in once started) and how to open a fresh page.
 */
export function guidanceSuite(config?: () => unknown): { env: GuidanceEnv; open(): Promise<Page> } {
  const env = {} as GuidanceEnv;
  const pages = createPagePool(() => env.browser);
  beforeAll(async () => {
    Object.assign(env, await startGuidanceEnv(config?.()));
  });
  afterAll(() => env.close?.());
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  return { env, open: () => pages.open() };
}

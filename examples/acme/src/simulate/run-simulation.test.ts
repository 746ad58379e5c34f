import { createApp, createLogger, migrate, openPgliteSql, startCollector, type AppKeys, type RunningCollector, type Sql } from '@waymark/collector';
import { validateConfig, type WaymarkConfig } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import acmeConfig from '../../waymark.config.js';
import { generateSimulation } from './generate-simulation.js';
import { runSimulation, type RunOptions } from './run-simulation.js';

const dayMs = 86_400_000;

// A small simulation sent over real HTTP to a collector on PGlite, as `pnpm demo` does.
describe('runSimulation against a collector', () => {
  let sql: Sql;
  let keys: AppKeys;
  let collector: RunningCollector;
  let config: WaymarkConfig;
  let options: RunOptions;

  beforeAll(async () => {
    sql = await openPgliteSql();
    await migrate(sql);
    keys = await createApp(sql, { name: 'Acme Projects (simulated)', origins: [] });
    collector = await startCollector({ sql, log: createLogger({ level: 'error' }), port: 0, host: '127.0.0.1' });
    const checked = validateConfig(acmeConfig);
    if (!checked.ok) throw new Error('waymark.config.ts is invalid');
    config = checked.config;
    const pushed = await fetch(`${collector.url}/v1/admin/config`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(acmeConfig),
    });
    expect(pushed.status).toBe(201);
    // Small batches, so even this run takes several requests and two at a time.
    options = {
      seed: 5,
      accounts: 5,
      users: 30,
      days: 14,
      now: Date.now(),
      url: collector.url,
      key: keys.secretKey,
      config,
      concurrency: 2,
      packLimits: { maxCount: 40, maxBytes: 16_000 },
    };
  });

  afterAll(async () => {
    await collector?.close();
  });

  it('stores every message with its historical time, account and user', async () => {
    const expected = generateSimulation(options, config);
    const summary = await runSimulation(options);
    expect(summary.totals).toMatchObject({ messages: expected.messages.length, accepted: expected.messages.length, duplicates: 0, rejected: 0 });
    expect(summary.totals.batches).toBeGreaterThan(5);

    const [row] = (
      await sql.query<{ n: number; accounts: number; users: number; first: string; last: string; sources: string[] }>(
        `select count(*)::int as n, count(distinct account_id)::int as accounts, count(distinct user_id)::int as users,
                min(ts) as first, max(ts) as last, array_agg(distinct ts_source) as sources
           from events where app_id = $1`,
        [keys.appId],
      )
    ).rows;
    expect(row).toMatchObject({ n: expected.messages.length, accounts: 5, users: 30, sources: ['client_corrected'] });
    // Timestamps are history, as sent: the collector shifts them only by the (tiny) clock offset.
    expect(Date.parse(String(row!.first))).toBeLessThan(options.now - 3 * dayMs);
    expect(Math.abs(Date.parse(String(row!.first)) - expected.messages[0]!.at)).toBeLessThan(5000);
    expect(Date.parse(String(row!.last))).toBeLessThanOrEqual(Date.now());

    // The admin API sees the accounts' usage day by day, with the account traits from `group`.
    // The busiest account (a small random population may hold an account active on one day only).
    const groupOf = (m: (typeof expected.messages)[number]) => (m.body['context'] as { groupId: string }).groupId;
    const sent = (id: string) => expected.messages.filter((m) => groupOf(m) === id).length;
    const account = expected.accounts.reduce((a, b) => (sent(b.id) > sent(a.id) ? b : a));
    const usage = await fetch(`${collector.url}/v1/admin/usage?accountId=${account.id}`, { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    const body = (await usage.json()) as { events: Array<{ event: string; count: number }>; daily: Array<{ day: string; activeUsers: number }> };
    const tasks = expected.messages.filter((m) => m.body['event'] === 'Task Added' && groupOf(m) === account.id).length;
    expect(body.events.find((e) => e.event === 'Task Added')?.count ?? 0).toBe(tasks);
    expect(body.daily.length).toBeGreaterThan(1);
  });

  it('sends the same messages again as duplicates: a rerun with the seed adds nothing', async () => {
    const summary = await runSimulation(options);
    expect(summary.totals.accepted).toBe(0);
    expect(summary.totals.duplicates).toBe(summary.totals.messages);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollectorApp } from '../src/http/create-collector-app.js';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/store/apps.js';
import { compactRollups } from '../src/store/compact-rollups.js';
import { backends, type TestDatabase } from './backends.js';
import { post, track } from './fixtures.js';

describe.each(backends)('rollup compaction on $name', (backend) => {
  let db: TestDatabase;
  let keys: AppKeys;
  let app: ReturnType<typeof createCollectorApp>;
  beforeAll(async () => {
    db = await backend.open();
    keys = await createApp(db.sql, { name: 'Acme', origins: [] });
    app = createCollectorApp({ sql: db.sql, log: silentLogger });
  });
  afterAll(() => db.drop());

  const send = (n: number, day: number) =>
    app.request(
      '/v1/batch',
      post({
        writeKey: keys.secretKey,
        batch: Array.from({ length: n }, (_, i) =>
          track(i % 2 ? 'Task Added' : 'Project Created', { userId: `c${i % 3}`, context: { groupId: 'acct-c' }, timestamp: `2026-04-${String(day).padStart(2, '0')}T10:00:00.000Z` }),
        ),
      }),
    );

  const totals = async () =>
    (
      await db.sql.query<{ event_key: string; n: string; first: Date; last: Date; rows: string }>(
        `select event_key, sum(count) as n, min(first_seen) as first, max(last_seen) as last, count(*) as rows
         from account_event_counts where app_id = $1 and account_id = 'acct-c' group by event_key order by event_key`,
        [keys.appId],
      )
    ).rows.map((r) => ({ key: r.event_key, n: Number(r.n), first: new Date(r.first).toISOString(), last: new Date(r.last).toISOString(), rows: Number(r.rows) }));

  it('merges partial rows into one per key without changing any total, and keeps later batches', async () => {
    for (let day = 1; day <= 5; day++) expect((await send(6, day)).status).toBe(200);
    const before = await totals();
    expect(before.map((t) => [t.key, t.n, t.rows])).toEqual([['Project Created', 15, 5], ['Task Added', 15, 5]]);
    // A batch racing the compaction is kept whichever side of it it lands on.
    const [merged] = await Promise.all([compactRollups(db.sql), send(6, 6)]);
    expect(merged).toBeGreaterThan(0);
    await compactRollups(db.sql);
    const after = await totals();
    expect(after).toEqual([
      { key: 'Project Created', n: 18, first: '2026-04-01T10:00:00.000Z', last: '2026-04-06T10:00:00.000Z', rows: 1 },
      { key: 'Task Added', n: 18, first: '2026-04-01T10:00:00.000Z', last: '2026-04-06T10:00:00.000Z', rows: 1 },
    ]);
    const users = await db.sql.query<{ n: string; rows: string }>(
      `select sum(count) as n, count(*) as rows from user_event_counts where app_id = $1 and actor = 'c0'`,
      [keys.appId],
    );
    expect([Number(users.rows[0]!.n), Number(users.rows[0]!.rows)]).toEqual([12, 2]);
    // Nothing left to do: a second pass merges nothing.
    expect(await compactRollups(db.sql)).toBe(0);
  });
});

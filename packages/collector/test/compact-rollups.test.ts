import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactRollups } from '../src/ingest/compact-rollups.js';
import { backends } from './backends.js';
import { openTestApp, type TestApp } from './test-app.js';
import { post, track } from './fixtures.js';

describe.each(backends)('folding usage deltas into rollups on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend));
  });
  afterAll(() => db.drop());

  const send = (n: number, day: number) =>
    app.request(
      '/v1/batch',
      post({
        writeKey: keys.secretKey,
        batch: Array.from({ length: n }, (_, i) =>
          track(i % 2 ? 'Task Added' : 'Project Created', {
            userId: `c${i % 3}`,
            context: { groupId: 'acct-c' },
            timestamp: `2026-04-${String(day).padStart(2, '0')}T10:00:00.000Z`,
          }),
        ),
      }),
    );

  const totals = async () =>
    (
      await db.sql.query<{ event_key: string; n: string; first: Date; last: Date }>(
        `select event_key, sum(count) as n, min(first_seen) as first, max(last_seen) as last
         from usage_all where app_id = $1 and account_id = 'acct-c' group by event_key order by event_key`,
        [keys.appId],
      )
    ).rows.map((r) => ({ key: r.event_key, n: Number(r.n), first: new Date(r.first).toISOString(), last: new Date(r.last).toISOString() }));
  const rows = async (table: string) =>
    Number((await db.sql.query<{ n: string }>(`select count(*) as n from ${table} where app_id = $1`, [keys.appId])).rows[0]!.n);
  const daily = async () =>
    (
      await db.sql.query<{ day: string; n: string }>(
        `select to_char(day, 'YYYY-MM-DD') as day, count(*) as n from daily_active_all where app_id = $1 group by day order by day`,
        [keys.appId],
      )
    ).rows.map((r) => [r.day, Number(r.n)]);

  it('reads are exact before, during and after folding, and later batches are kept', async () => {
    for (let day = 1; day <= 5; day++) expect((await send(6, day)).status).toBe(200);
    const before = await totals();
    expect(before.map((t) => [t.key, t.n])).toEqual([
      ['Project Created', 15],
      ['Task Added', 15],
    ]);
    const dailyBefore = await daily();
    expect(dailyBefore).toEqual([1, 2, 3, 4, 5].map((d) => [`2026-04-0${d}`, 3]));
    expect(await rows('usage_deltas')).toBeGreaterThan(0);
    // A batch racing the fold is kept whichever side of it it lands on.
    const [folded] = await Promise.all([compactRollups(db.sql), send(6, 6)]);
    expect(folded).toBeGreaterThan(0);
    await compactRollups(db.sql);
    expect(await rows('usage_deltas')).toBe(0);
    expect(await totals()).toEqual([
      { key: 'Project Created', n: 18, first: '2026-04-01T10:00:00.000Z', last: '2026-04-06T10:00:00.000Z' },
      { key: 'Task Added', n: 18, first: '2026-04-01T10:00:00.000Z', last: '2026-04-06T10:00:00.000Z' },
    ]);
    expect(await daily()).toEqual([...dailyBefore, ['2026-04-06', 3]]);
    // One compacted row per (account, user, event key).
    expect(await rows('usage_counts')).toBe(6);
    const user = await db.sql.query<{ n: string }>(`select sum(count) as n from usage_all where app_id = $1 and actor = 'c0'`, [keys.appId]);
    expect(Number(user.rows[0]!.n)).toBe(12);
    expect(await compactRollups(db.sql)).toBe(0);
  });

  it('folds a backlog larger than one round', async () => {
    for (let day = 7; day <= 9; day++) await send(6, day);
    const expected = await totals();
    // 3 batches x (3 users x 2 events) delta rows, 2 per round.
    expect(await compactRollups(db.sql, 2)).toBe(18);
    expect(await rows('usage_deltas')).toBe(0);
    expect(await totals()).toEqual(expected);
  });
});

import type { Sql } from '../db/sql.js';
import type { Job } from '../jobs/job.js';
import { compactionLock } from '../db/advisory-locks.js';

/*
 * Moves a slice of usage_deltas into usage_counts and account_daily_users, in one statement, and
 * notes the accounts it moved usage for in account_touches (the account summariser's to-do list).
 * Only rows this statement deleted are folded in (`returning`), so batches committing meanwhile
 * stay in the deltas for the next round, and nothing is counted twice or lost.
 */
const fold = `
with moved as (
  delete from usage_deltas where ctid = any(array(select ctid from usage_deltas limit $1))
  returning app_id, account_id, actor, event_key, day, count, first_seen, last_seen
),
counts as (
  insert into usage_counts as c (app_id, account_id, actor, event_key, count, first_seen, last_seen)
  select app_id, account_id, actor, event_key, sum(count), min(first_seen), max(last_seen)
  from moved group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (app_id, account_id, actor, event_key) do update set
    count = c.count + excluded.count, first_seen = least(c.first_seen, excluded.first_seen), last_seen = greatest(c.last_seen, excluded.last_seen)
  returning 1
),
daily as (
  insert into account_daily_users (app_id, account_id, day, actor)
  select distinct app_id, account_id, day, actor from moved where account_id <> ''
  order by 1, 2, 3, 4
  on conflict do nothing
  returning 1
),
touched as (
  insert into account_touches as t (app_id, account_id, touched_at)
  select distinct app_id, account_id, now() from moved where account_id <> ''
  order by 1, 2
  on conflict (app_id, account_id) do update set touched_at = excluded.touched_at
  returning 1
)
select count(*) as n from moved
`;

/**
 * Folds pending usage deltas into the compacted rollups, `limit` rows per round, until none are
 * left or `maxRounds` is reached. One collector at a time across all collectors on the database
 * (advisory lock); the others skip. Returns the number of delta rows folded.
 */
export async function compactRollups(sql: Pick<Sql, 'transaction'>, limit = 50_000, maxRounds = 20): Promise<number> {
  let total = 0;
  for (let round = 0; round < maxRounds; round++) {
    const n = await sql.transaction(async (tx) => {
      const { rows: lock } = await tx.query<{ ok: boolean }>(`select pg_try_advisory_xact_lock(${compactionLock}) as ok`);
      if (!lock[0]?.ok) return 0;
      const { rows } = await tx.query<{ n: string }>(fold, [limit], { prepare: 'waymark_fold_usage' });
      return Number(rows[0]?.n ?? 0);
    });
    total += n;
    if (n < limit) break;
  }
  return total;
}

/**
 * Runs `compactRollups` every `everyMs`. Failures are logged and retried on the next tick; they
 * never stop ingest.
 *
 * After a round that folded rows, at most every `vacuumEveryMs` (default 5 s), it also vacuums
 * usage_deltas: every row ingest appends there is deleted again within a second, and every reader
 * of the rollup views (the summariser twice per account, GET /v1/state) scans the whole table, dead
 * rows included. Left to autovacuum (about once a minute) it had grown to 39 MB (356,000 dead
 * rows) after the ingest runs of bench/summaries and each scan cost 22-25 ms; vacuumed every few
 * seconds it holds a few seconds of rows and their space is reused.
 */
export function compactionJob(sql: Pick<Sql, 'transaction' | 'query'>, options: { everyMs: number; vacuumEveryMs?: number }): Job {
  const vacuumEveryMs = options.vacuumEveryMs ?? 5000;
  let vacuumedAt = Date.now();
  const run = async () => {
    const folded = await compactRollups(sql);
    if (folded > 0 && Date.now() - vacuumedAt >= vacuumEveryMs) {
      vacuumedAt = Date.now();
      await sql.query('vacuum usage_deltas');
    }
  };
  return { name: 'rollup compaction', everyMs: options.everyMs, run };
}

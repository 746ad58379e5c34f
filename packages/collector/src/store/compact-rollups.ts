import type { Sql } from '../db/sql.js';

const tables = [
  { table: 'account_event_counts', key: 'account_id' },
  { table: 'user_event_counts', key: 'actor' },
] as const;

/**
 * Merges the partial counter rows that batches append into one row per (app, user or account,
 * event key). Readers sum rows, so results are the same before and after. Only rows it deleted
 * are merged (`returning`), so batches committing meanwhile, or a second collector compacting
 * at the same time, cannot make it count anything twice or lose anything.
 * Returns the number of partial rows merged.
 */
export async function compactRollups(sql: Pick<Sql, 'transaction'>, limit = 20_000): Promise<number> {
  return sql.transaction(async (tx) => {
    // One compactor at a time across all collectors on this database; the others skip this round.
    const { rows: lock } = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock(727003) as ok');
    if (!lock[0]?.ok) return 0;
    let merged = 0;
    for (const { table, key } of tables) merged += await compactTable(tx, table, key, limit);
    return merged;
  });
}

async function compactTable(tx: Pick<Sql, 'query'>, table: string, key: string, limit: number): Promise<number> {
  {
    const { rows } = await tx.query<{ n: string }>(
      `with dirty as (
         select distinct app_id, ${key}, event_key from ${table} where not compacted limit ${limit}
       ),
       gone as (
         delete from ${table} c using dirty d
         where c.app_id = d.app_id and c.${key} = d.${key} and c.event_key = d.event_key
         returning c.app_id, c.${key}, c.event_key, c.count, c.first_seen, c.last_seen
       ),
       merged as (
         insert into ${table} (app_id, ${key}, event_key, count, first_seen, last_seen, compacted)
         select app_id, ${key}, event_key, sum(count), min(first_seen), max(last_seen), true
         from gone group by app_id, ${key}, event_key
         returning 1
       )
       select (select count(*) from gone) as n`,
    );
    return Number(rows[0]?.n ?? 0);
  }
}

/**
 * Runs `compactRollups` every `everyMs` until the returned cleanup is called.
 * Failures are logged and retried on the next tick; they never stop ingest.
 */
export function scheduleCompaction(sql: Pick<Sql, 'transaction'>, options: { everyMs: number; onError: (error: Error) => void }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = compactRollups(sql).catch((error: Error) => {
      if (!stopped) options.onError(error);
    });
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

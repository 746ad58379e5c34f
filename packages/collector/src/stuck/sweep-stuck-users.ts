import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { markStuckUsers } from './mark-stuck-users.js';
import { stuckSweepLock } from '../db/advisory-locks.js';

/**
 * Runs `markStuckUsers` at `now` for every app that has a config, each app in its own transaction.
 * One collector at a time per app across all collectors on the database (advisory lock); the
 * others skip that app. `currentConfig` is the collector's config cache, so configs are not
 * parsed on every sweep. Returns the totals.
 */
export async function sweepStuckUsers(
  sql: Pick<Sql, 'query' | 'transaction'>,
  now: number,
  currentConfig: CurrentConfigReader,
): Promise<{ apps: number; marked: number; cleared: number }> {
  const totals = { apps: 0, marked: 0, cleared: 0 };
  const { rows: apps } = await sql.query<{ app_id: string }>('select distinct app_id from app_configs order by app_id');
  for (const { app_id: appId } of apps) {
    const config = await currentConfig(appId);
    if (!config) continue;
    const done = await sql.transaction(async (tx) => {
      const { rows: lock } = await tx.query<{ ok: boolean }>(`select pg_try_advisory_xact_lock(${stuckSweepLock}, hashtext($1)) as ok`, [appId]);
      return lock[0]?.ok ? markStuckUsers(tx, appId, config, now) : undefined;
    });
    if (!done) continue;
    totals.apps++;
    totals.marked += done.marked;
    totals.cleared += done.cleared;
  }
  return totals;
}

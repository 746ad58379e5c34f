import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import type { Job } from '../jobs/job.js';
import { settleUserProgress } from './settle-user-progress.js';

/** Users taken off the queue per round trip. */
const chunk = 500;

/**
 * Settles the progress of every user queued by ingest (progress_pending) at `now`, so a milestone
 * or checklist item reached by their events is recorded even if its window closes before any
 * read. Each user is taken off the queue before they are settled: events stored meanwhile queue
 * them again for the next round. Collectors sharing a database take different users (skip locked).
 * If settling fails, the users not yet settled go back on the queue. Returns how many users were
 * settled.
 */
export async function settlePendingProgress(sql: Pick<Sql, 'query'>, now: number, currentConfig: CurrentConfigReader): Promise<number> {
  let settled = 0;
  for (;;) {
    const { rows } = await sql.query<{ app_id: string; actor: string }>(
      `delete from progress_pending p
       using (select app_id, actor from progress_pending order by queued_at limit $1 for update skip locked) x
       where p.app_id = x.app_id and p.actor = x.actor
       returning p.app_id, p.actor`,
      [chunk],
    );
    for (let i = 0; i < rows.length; i++) {
      const { app_id: appId, actor } = rows[i]!;
      try {
        const config = await currentConfig(appId);
        if (config) await settleUserProgress(sql, appId, actor, config.config, now);
      } catch (error) {
        await sql.query(
          `insert into progress_pending (app_id, actor) select x.app_id, x.actor
           from jsonb_to_recordset($1::jsonb) as x(app_id text, actor text) on conflict do nothing`,
          [JSON.stringify(rows.slice(i))],
        );
        throw error;
      }
      settled++;
    }
    if (rows.length < chunk) return settled;
  }
}

/** Settles the users queued by ingest (`settlePendingProgress`) every `everyMs`. */
export function settleProgressJob(sql: Pick<Sql, 'query'>, options: { everyMs: number; now: () => number; currentConfig: CurrentConfigReader }): Job {
  return { name: 'progress settling', everyMs: options.everyMs, run: () => settlePendingProgress(sql, options.now(), options.currentConfig) };
}

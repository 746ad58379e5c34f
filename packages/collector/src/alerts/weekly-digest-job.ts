import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import type { Job } from '../jobs/job.js';
import { enqueueWeeklyDigests } from './enqueue-weekly-digests.js';

/**
 * Every `everyMs`, queues last week's digest per owner for the subscriptions that want
 * `digest.weekly`, once `afterMs` into the new ISO week (Monday 00:00 UTC); the webhook
 * dispatcher sends them.
 */
export function weeklyDigestJob(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; afterMs: number; now: () => number; currentConfig: CurrentConfigReader },
): Job {
  return { name: 'weekly digest', everyMs: options.everyMs, run: () => enqueueWeeklyDigests(sql, options.currentConfig, options.now(), options.afterMs) };
}

import type { Sql } from '../db/sql.js';
import { createCurrentConfigReader } from '../config/current-config.js';
import { scheduleTask } from '../jobs/schedule-task.js';
import { enqueueWeeklyDigests } from './enqueue-weekly-digests.js';

/**
 * Every `everyMs`, queues last week's digest per owner for the subscriptions that want
 * `digest.weekly`, once `afterMs` into the new ISO week (Monday 00:00 UTC); the webhook
 * dispatcher sends them. Returns the cleanup (waits for a run in progress).
 */
export function scheduleWeeklyDigest(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; afterMs: number; now?: () => number; onError: (error: Error) => void },
): () => Promise<void> {
  const now = options.now ?? Date.now;
  const currentConfig = createCurrentConfigReader(sql);
  return scheduleTask(() => enqueueWeeklyDigests(sql, currentConfig, now(), options.afterMs), { everyMs: options.everyMs, onError: options.onError });
}

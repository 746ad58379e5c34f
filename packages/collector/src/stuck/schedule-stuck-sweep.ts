import type { Sql } from '../db/sql.js';
import { scheduleTask } from '../jobs/schedule-task.js';
import { createCurrentConfigReader } from '../config/current-config.js';
import { sweepStuckUsers } from './sweep-stuck-users.js';

/**
 * Runs `sweepStuckUsers` every `everyMs` until the returned cleanup is called (which waits for a
 * sweep in progress). Failures go to `onError` and are retried on the next tick.
 */
export function scheduleStuckSweep(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; now?: () => number; onError: (error: Error) => void },
): () => Promise<void> {
  const now = options.now ?? Date.now;
  const currentConfig = createCurrentConfigReader(sql);
  return scheduleTask(() => sweepStuckUsers(sql, now(), currentConfig), options);
}

import type { Sql } from '../db/sql.js';
import { scheduleTask } from '../jobs/schedule-task.js';
import { createCurrentConfigReader } from '../config/current-config.js';
import { summariseAccounts } from './summarise-accounts.js';

/**
 * Runs `summariseAccounts` every `everyMs` until the returned cleanup is called (which waits for
 * a round in progress). Failures go to `onError` and are retried on the next tick.
 */
export function scheduleSummaries(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; now?: () => number; onError: (error: Error) => void },
): () => Promise<void> {
  const now = options.now ?? Date.now;
  const currentConfig = createCurrentConfigReader(sql);
  return scheduleTask(() => summariseAccounts(sql, now(), currentConfig), options);
}

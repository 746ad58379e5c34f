import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import type { Job } from '../jobs/job.js';
import { summariseAccounts } from './summarise-accounts.js';

/** Recomputes the summaries of the accounts touched since the last round (`summariseAccounts`) every `everyMs`. */
export function summariesJob(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; now: () => number; currentConfig: CurrentConfigReader },
): Job {
  return { name: 'account summaries', everyMs: options.everyMs, run: () => summariseAccounts(sql, options.now(), options.currentConfig) };
}

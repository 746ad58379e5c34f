import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import type { Job } from '../jobs/job.js';
import { sweepStuckUsers } from './sweep-stuck-users.js';

/** Marks and clears the users stuck on a checklist item (`sweepStuckUsers`) every `everyMs`. */
export function stuckSweepJob(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; now: () => number; currentConfig: CurrentConfigReader },
): Job {
  return { name: 'stuck user sweep', everyMs: options.everyMs, run: () => sweepStuckUsers(sql, options.now(), options.currentConfig) };
}

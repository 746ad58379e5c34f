import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { findDueAccounts } from './find-due-accounts.js';
import { summariseAccount } from './summarise-account.js';

/** What one round of the summariser did. */
export interface SummariseResult {
  /** Accounts recomputed. */
  accounts: number;
  /** True when another collector held the summariser lock, so this round did nothing. */
  skipped: boolean;
}

/**
 * One round of the account summariser at `now`: finds the accounts due (touched since the last
 * round, changed, or on a new day; see findDueAccounts) and recomputes each, `concurrency` at a
 * time. One account failing does not stop the others; the first error is rethrown at the end, and
 * the failed accounts are picked up again when touched or on their next day.
 */
export async function summariseAccounts(
  sql: Pick<Sql, 'transaction'>,
  now: number,
  currentConfig: CurrentConfigReader,
  options: { concurrency?: number } = {},
): Promise<SummariseResult> {
  const due = await findDueAccounts(sql, now);
  if (!due) return { accounts: 0, skipped: true };
  let next = 0;
  let done = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < due.length) {
      const { appId, accountId } = due[next++]!;
      try {
        if (await summariseAccount(sql, appId, accountId, currentConfig, now)) done++;
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  if (failure !== undefined) throw failure;
  return { accounts: done, skipped: false };
}

import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { computeAccountSummary } from './compute-account-summary.js';
import { readAccountInputs } from './read-account-inputs.js';
import { settleAccountProgress } from './settle-account-progress.js';
import { writeAccountSummary } from './write-account-summary.js';
import { accountSummaryLock } from '../db/advisory-locks.js';

/**
 * Recomputes and stores one account's summary at `now`, in one transaction under a per-account
 * advisory lock, so two collectors never raise the same flag twice. Returns false for an unknown account.
 */
export async function summariseAccount(
  sql: Pick<Sql, 'transaction'>,
  appId: string,
  accountId: string,
  currentConfig: CurrentConfigReader,
  now: number,
): Promise<boolean> {
  const config = (await currentConfig(appId))?.config;
  return sql.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${accountSummaryLock}, hashtext($1))`, [`${appId}/${accountId}`]);
    // Progress first (dated from the events), so the summary reads it.
    const audience = config ? await settleAccountProgress(tx, appId, accountId, config, now) : undefined;
    let inputs = await readAccountInputs(tx, appId, accountId, now);
    if (!inputs) return false;
    if (audience && audience.size > 0) inputs = { ...inputs, checklistAudience: audience };
    const { rows } = await tx.query<{ md5: string }>('select md5(traits::text) as md5 from accounts where app_id = $1 and account_id = $2', [appId, accountId]);
    const summary = computeAccountSummary(inputs, config, now);
    await writeAccountSummary(tx, appId, accountId, summary, { traitsMd5: rows[0]?.md5 ?? '', firstSeen: inputs.firstSeen }, now);
    return true;
  });
}

import type { SuccessPlanView, WaymarkConfig } from '@waymark/core';
import { accountDay } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { accountProfile } from '../analytics/account-profile.js';
import { defaultPlan } from './default-plan.js';
import { goalViews } from './goal-views.js';
import { reachedMilestones } from './reached-milestones.js';
import { storedPlans } from './success-plans.js';

/** An account's success plan with each goal's status (the contract's plan without its log). */
export type AccountPlan = Omit<SuccessPlanView, 'log'>;

/** An account as stored: its merged traits and when it was first seen. */
export interface AccountRow {
  accountId: string;
  traits: Record<string, unknown>;
  firstSeen: number;
}

/** Reads accounts (traits, first seen) by id; unknown ids are left out. */
export async function readAccounts(sql: Pick<Sql, 'query'>, appId: string, accountIds: readonly string[]): Promise<AccountRow[]> {
  const { rows } = await sql.query<{ account_id: string; traits: Record<string, unknown>; first_seen: Date | string }>(
    'select account_id, traits, first_seen from accounts where app_id = $1 and account_id = any($2::text[]) order by account_id',
    [appId, accountIds],
  );
  return rows.map((r) => ({ accountId: r.account_id, traits: r.traits, firstSeen: new Date(r.first_seen).getTime() }));
}

/** The success plans of these accounts (their own when edited, else the config's default for their segment), goals with status at `now`. */
export async function accountPlans(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accounts: readonly AccountRow[],
  config: WaymarkConfig | undefined,
  now: number,
): Promise<Map<string, AccountPlan>> {
  const ids = accounts.map((a) => a.accountId);
  const [stored, reached] = await Promise.all([storedPlans(sql, appId, ids), reachedMilestones(sql, appId, ids)]);
  const plans = new Map<string, AccountPlan>();
  for (const a of accounts) {
    const profile = accountProfile(a.accountId, a.traits, a.firstSeen);
    const own = stored.get(a.accountId);
    const fallback = defaultPlan(config, profile.segment);
    const goals = goalViews(own?.goals ?? fallback.goals, {
      config,
      reached: reached.get(a.accountId) ?? new Map(),
      startAt: profile.startAt,
      timeZone: profile.timeZone,
      now,
    });
    plans.set(a.accountId, {
      accountId: a.accountId,
      source: own ? 'account' : 'default',
      segment: profile.segment ?? null,
      day: accountDay(profile.startAt, now, profile.timeZone),
      goals,
      updatedBy: own?.by ?? null,
      updatedAt: own?.at ?? null,
    });
  }
  return plans;
}

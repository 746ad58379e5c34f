import { accountDay, type HealthBand, type WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { accountPlans, type AccountRow } from '../plans/account-plans.js';
import { accountProfile } from '../analytics/account-profile.js';
import type { DigestAccount, DigestInput, DigestWeek } from './build-digest.js';

/** The SQL for an account's owner: the `csmOwner` trait, else `owner` (as accountProfile reads them). */
export const ownerSql = "coalesce(nullif(btrim(traits->>'csmOwner'), ''), nullif(btrim(traits->>'owner'), ''))";

const iso = (v: Date | string) => new Date(v).toISOString();
const bands = new Set(['red', 'yellow', 'green']);

/**
 * Reads what an owner's digest is built from. Health, flags and reached milestones come from the
 * account analytics tables (account_summaries, account_flags, account_milestones); an account not
 * summarised yet is unscored, on the day its start gives.
 */
export async function readDigestInput(
  sql: Pick<Sql, 'query'>,
  appId: string,
  owner: string,
  week: DigestWeek,
  config: WaymarkConfig | undefined,
  now: number,
): Promise<DigestInput> {
  const { rows: raw } = await sql.query<{ account_id: string; traits: Record<string, unknown>; first_seen: Date | string }>(
    `select account_id, traits, first_seen from accounts where app_id = $1 and ${ownerSql} = $2 order by account_id`,
    [appId, owner],
  );
  const rows: AccountRow[] = raw.map((r) => ({ accountId: r.account_id, traits: r.traits, firstSeen: new Date(r.first_seen).getTime() }));
  const profiles = new Map(rows.map((r) => [r.accountId, accountProfile(r.accountId, r.traits, r.firstSeen)]));
  const ids = rows.map((r) => r.accountId);
  const scored = new Map<string, { health: number | null; band: string | null; day: number }>();
  const { rows: summaries } = await sql.query<{ account_id: string; health: number | null; band: string | null; day: number }>(
    'select account_id, health, band, day from account_summaries where app_id = $1 and account_id = any($2::text[])',
    [appId, ids],
  );
  for (const r of summaries) scored.set(r.account_id, r);
  const accounts: DigestAccount[] = rows.map((r) => {
    const p = profiles.get(r.accountId)!;
    const s = scored.get(r.accountId);
    return {
      accountId: r.accountId,
      name: p.name,
      day: s?.day ?? accountDay(p.startAt, now, p.timeZone),
      health: s?.health ?? null,
      band: s?.band && bands.has(s.band) ? (s.band as HealthBand) : null,
    };
  });

  const { rows: f } = await sql.query<{ account_id: string; flag: string; since: Date | string; cleared_at: Date | string | null }>(
    `select account_id, flag, since, cleared_at from account_flags where app_id = $1 and account_id = any($2::text[])
     and ((since >= $3 and since < $4) or (cleared_at >= $3 and cleared_at < $4))`,
    [appId, ids, week.start, week.end],
  );
  const flags = f.map((r) => ({ accountId: r.account_id, flag: r.flag, raisedAt: iso(r.since), clearedAt: r.cleared_at === null ? null : iso(r.cleared_at) }));

  const { rows: m } = await sql.query<{
    account_id: string;
    milestone: string;
    reached_at: Date | string;
    day_reached: number | null;
    target_day: number | null;
  }>(
    `select account_id, milestone, reached_at, day_reached, target_day from account_milestones
     where app_id = $1 and account_id = any($2::text[]) and reached_at >= $3 and reached_at < $4`,
    [appId, ids, week.start, week.end],
  );
  const milestones = m.map((r) => ({
    accountId: r.account_id,
    milestone: r.milestone,
    reachedAt: iso(r.reached_at),
    day: r.day_reached,
    targetDay: r.target_day,
  }));

  const plans = await accountPlans(sql, appId, rows, config, now);
  const goals = [...plans.values()].flatMap((p) =>
    p.goals.map((g) => ({ accountId: p.accountId, milestone: g.milestone, dueDay: g.dueDay, owner: g.owner, status: g.status, currentDay: p.day })),
  );

  return { owner, week, accounts, flags, milestones, goals, milestoneNames: Object.fromEntries((config?.milestones ?? []).map((m) => [m.key, m.name])) };
}

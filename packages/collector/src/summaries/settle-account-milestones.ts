import { emptySnapshot, settleProgress, snapshotHorizonHours, type ScopeState, type WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { accountProfile } from './account-profile.js';

const hourMs = 3_600_000;

/**
 * Records the account-scope milestones whose condition now holds for the account (the state
 * route records them only when one of its users loads their state). The account's events stand
 * for both the user and the account scope of the condition. Returns the keys newly recorded.
 */
export async function settleAccountMilestones(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accountId: string,
  account: { traits: Record<string, unknown>; firstSeen: number; reached: ReadonlySet<string> },
  config: Pick<WaymarkConfig, 'milestones'>,
  now: number,
): Promise<string[]> {
  const open = config.milestones.filter((m) => m.scope === 'account' && !account.reached.has(m.key));
  if (open.length === 0) return [];
  const since = new Date((Math.floor(now / hourMs) - snapshotHorizonHours + 1) * hourMs).toISOString();
  const events: ScopeState['events'] = {};
  const { rows: totals } = await sql.query<{ key: string; n: number }>(
    'select event_key as key, sum(count)::float8 as n from usage_all where app_id = $1 and account_id = $2 group by event_key',
    [appId, accountId],
  );
  for (const r of totals) events[r.key] = { total: r.n, hours: {} };
  const { rows: hours } = await sql.query<{ key: string; hour: number; n: number }>(
    `select event_key as key, floor(extract(epoch from ts) / 3600)::int as hour, count(*)::int as n from events
     where app_id = $1 and account_id = $2 and ts >= $3 and event_key is not null group by 1, 2`,
    [appId, accountId, since],
  );
  for (const r of hours) (events[r.key] ??= { total: r.n, hours: {} }).hours[String(r.hour)] = r.n;
  const scope: ScopeState = { events, traits: account.traits, startedAt: accountProfile(accountId, account.traits, account.firstSeen).startAt };
  const snapshot = { ...emptySnapshot(), user: scope, account: scope, milestones: [...account.reached] };
  const { changes } = settleProgress(snapshot, { milestones: open, checklists: [] }, now);
  if (changes.milestones.length === 0) return [];
  await sql.query(
    `insert into progress (app_id, subject, kind, key, reached_at)
     select $1, 'account:' || $2, 'milestone', k, $4 from unnest($3::text[]) as k on conflict do nothing`,
    [appId, accountId, changes.milestones, new Date(now).toISOString()],
  );
  return changes.milestones;
}

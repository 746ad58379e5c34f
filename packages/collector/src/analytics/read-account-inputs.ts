import type { Flag, FlagKind } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import type { AccountInputs } from './account-inputs.js';
import { timeInProductDays } from './compute-account-summary.js';
import { readNudgeShows } from './read-nudge-shows.js';
import { accountSubjectSql, userSubjectSql } from '../db/entity-keys.js';

const ms = (d: Date | string) => new Date(d).getTime();

/**
 * Reads what one account's summary is computed from: its traits, daily active users and first
 * uses (rollup views, so deltas not folded yet count), milestones recorded for it or its users,
 * its users' checklist items, its events of the last 29 days (who and when, for time in product),
 * the nudges shown, its open stuck users and its open flags. Undefined for an unknown account.
 */
export async function readAccountInputs(sql: Pick<Sql, 'query'>, appId: string, accountId: string, now: number): Promise<AccountInputs | undefined> {
  const params = [appId, accountId];
  const { rows: accounts } = await sql.query<{ traits: Record<string, unknown>; first_seen: Date | string }>(
    'select traits, first_seen from accounts where app_id = $1 and account_id = $2',
    params,
  );
  const account = accounts[0];
  if (!account) return undefined;
  const { rows: daily } = await sql.query<{ date: string; actor: string }>(
    `select to_char(day, 'YYYY-MM-DD') as date, actor from daily_active_all where app_id = $1 and account_id = $2`,
    params,
    { prepare: 'waymark_summary_daily' },
  );
  const { rows: usage } = await sql.query<{ actor: string; event_key: string; first_seen: Date | string }>(
    `select actor, event_key, min(first_seen) as first_seen from usage_all where app_id = $1 and account_id = $2 group by 1, 2`,
    params,
    { prepare: 'waymark_summary_usage' },
  );
  const { rows: progress } = await sql.query<{ subject: string; kind: string; key: string; reached_at: Date | string }>(
    `select p.subject, p.kind, p.key, p.reached_at from progress p
     where p.app_id = $1 and (p.subject = ${accountSubjectSql('$2')}
       or p.subject in (select ${userSubjectSql('u.actor')} from users u where u.app_id = $1 and u.account_id = $2))`,
    params,
    { prepare: 'waymark_summary_progress' },
  );
  const { rows: counts } = await sql.query<{ users: number; stuck: number }>(
    `select (select count(*)::int from users where app_id = $1 and account_id = $2) as users,
            (select count(distinct actor)::int from stuck_users where app_id = $1 and account_id = $2 and marked_at is not null and cleared_at is null) as stuck`,
    params,
  );
  const { rows: flags } = await sql.query<{ flag: string; kind: string; since: Date | string; detail: { milestone?: string } }>(
    'select flag, kind, since, detail from account_flags where app_id = $1 and account_id = $2 and cleared_at is null',
    params,
  );

  // Time in product: the events of the last days (a day more than counted, for any time zone).
  const { rows: events } = await sql.query<{ actor: string; ts: Date | string }>(
    'select actor, ts from events where app_id = $1 and account_id = $2 and ts >= $3 and ts <= $4',
    [appId, accountId, new Date(now - (timeInProductDays + 1) * 86_400_000).toISOString(), new Date(now).toISOString()],
    { prepare: 'waymark_summary_events' },
  );
  const nudges = await readNudgeShows(sql, appId, accountId);

  const milestonesReached = new Map<string, number>();
  const checklistItems = new Map<string, Map<string, number>>();
  for (const p of progress) {
    if (p.kind === 'milestone') milestonesReached.set(p.key, Math.min(ms(p.reached_at), milestonesReached.get(p.key) ?? Infinity));
    if (p.kind === 'item') {
      const checklist = p.key.split('/')[0] ?? '';
      const byUser = checklistItems.get(checklist) ?? new Map<string, number>();
      byUser.set(p.subject, (byUser.get(p.subject) ?? 0) + 1);
      checklistItems.set(checklist, byUser);
    }
  }
  return {
    accountId,
    traits: account.traits,
    firstSeen: ms(account.first_seen),
    daily,
    events: events.map((e) => ({ actor: e.actor, ts: ms(e.ts) })),
    usage: usage.map((u) => ({ actor: u.actor, eventKey: u.event_key, firstSeen: ms(u.first_seen) })),
    milestonesReached,
    checklistItems,
    users: counts[0]?.users ?? 0,
    nudges,
    stuckUsers: counts[0]?.stuck ?? 0,
    openFlags: flags.map((f) => ({
      key: f.flag,
      kind: f.kind as FlagKind,
      since: ms(f.since),
      ...(f.detail.milestone ? { milestone: f.detail.milestone } : {}),
    })) satisfies Flag[],
  };
}

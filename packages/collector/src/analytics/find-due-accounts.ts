import type { Sql } from '../db/sql.js';
import { dueAccountsLock } from '../db/advisory-locks.js';
import { isAccountSubjectSql, subjectAccountIdSql, userSubjectSql } from '../db/entity-keys.js';

/** An account whose summary must be recomputed. */
export interface DueAccount {
  appId: string;
  accountId: string;
}

/*
 * Accounts due for a new summary, found without scanning events:
 * - usage folded since the last run (account_touches, written by compaction; consumed here) or
 *   still in usage_deltas (small: compaction empties it every second);
 * - no summary yet, traits or first seen changed since the summary, or its next day has begun
 *   (one pass over accounts and summaries, by primary key);
 * - progress recorded by GET /v1/state (source 'read'), users stuck or unstuck, or a config pushed
 *   since the last run. The summariser's own progress writes do not count: it has just used them.
 */
const dueQuery = `
with consumed as (delete from account_touches returning app_id, account_id)
select app_id, account_id from consumed
union
select distinct app_id, account_id from usage_deltas where account_id <> ''
union
select a.app_id, a.account_id from accounts a left join account_summaries s on s.app_id = a.app_id and s.account_id = a.account_id
where s.account_id is null or s.next_day_at <= $1 or s.traits_md5 <> md5(a.traits::text) or s.first_seen <> a.first_seen
union
select p.app_id, ${subjectAccountIdSql('p.subject')} from progress p where $2::timestamptz is not null and p.source = 'read' and p.recorded_at > $2 and ${isAccountSubjectSql('p.subject')}
union
select u.app_id, u.account_id from progress p join users u on u.app_id = p.app_id and ${userSubjectSql('u.actor')} = p.subject
where $2::timestamptz is not null and p.source = 'read' and p.recorded_at > $2 and u.account_id is not null
union
select app_id, account_id from stuck_users where $2::timestamptz is not null and account_id is not null and (marked_at > $2 or cleared_at > $2)
union
select a.app_id, a.account_id from accounts a where $2::timestamptz is not null and a.app_id in (select app_id from app_configs where created_at > $2)
`;

/**
 * Claims the accounts due for a summary at `now` and moves the watermark to `now`. One caller at
 * a time across collectors (advisory lock): another caller gets `undefined` and skips this round.
 */
export async function findDueAccounts(sql: Pick<Sql, 'transaction'>, now: number): Promise<DueAccount[] | undefined> {
  return sql.transaction(async (tx) => {
    const { rows: lock } = await tx.query<{ ok: boolean }>(`select pg_try_advisory_xact_lock(${dueAccountsLock}) as ok`);
    if (!lock[0]?.ok) return undefined;
    const { rows: state } = await tx.query<{ ran_at: Date | string }>("select ran_at from summariser_state where name = 'accounts'");
    // A little overlap, so progress written by another collector with a slightly slower clock is not missed.
    const since = state[0] ? new Date(new Date(state[0].ran_at).getTime() - 60_000).toISOString() : null;
    const { rows } = await tx.query<{ app_id: string; account_id: string }>(dueQuery, [new Date(now).toISOString(), since]);
    await tx.query(`insert into summariser_state (name, ran_at) values ('accounts', $1) on conflict (name) do update set ran_at = excluded.ran_at`, [
      new Date(now).toISOString(),
    ]);
    return rows.map((r) => ({ appId: r.app_id, accountId: r.account_id }));
  });
}

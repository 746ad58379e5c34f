import type { Sql } from '../db/sql.js';
import { accountSubject, subjectAccountIdSql, userSubjectSql } from '../db/entity-keys.js';

/**
 * When each account first reached each milestone (ms), from recorded progress: the account's own
 * (`account:<id>`) and its users' (`user:<actor>`), so a user milestone counts from the first user
 * who reached it.
 */
export async function reachedMilestones(sql: Pick<Sql, 'query'>, appId: string, accountIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const { rows } = await sql.query<{ account_id: string; key: string; reached_at: Date | string }>(
    `select account_id, key, min(reached_at) as reached_at from (
       select ${subjectAccountIdSql('subject')} as account_id, key, reached_at from progress
       where app_id = $1 and kind = 'milestone' and subject = any($2::text[])
       union all
       select u.account_id, p.key, p.reached_at from users u
       join progress p on p.app_id = u.app_id and p.subject = ${userSubjectSql('u.actor')} and p.kind = 'milestone'
       where u.app_id = $1 and u.account_id = any($3::text[])
     ) r group by account_id, key`,
    [appId, accountIds.map(accountSubject), accountIds],
  );
  const byAccount = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const map = byAccount.get(r.account_id) ?? new Map<string, number>();
    map.set(r.key, new Date(r.reached_at).getTime());
    byAccount.set(r.account_id, map);
  }
  return byAccount;
}

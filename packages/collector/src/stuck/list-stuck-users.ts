import type { Sql } from '../db/sql.js';
import type { StuckUser } from '@waymark/core';
import { personOf } from '../db/entity-keys.js';

interface Row {
  actor: string;
  user_id: string | null;
  account_id: string | null;
  checklist: string;
  item: string;
  reason: string;
  first_stuck_at: Date | string;
  last_stuck_at: Date | string;
  marked_at: Date | string;
  cleared_at: Date | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** An app's users marked stuck, longest stuck first; open ones only unless `includeCleared`. */
export async function listStuckUsers(
  sql: Pick<Sql, 'query'>,
  appId: string,
  filter: { accountId?: string | undefined; includeCleared?: boolean; limit: number },
): Promise<StuckUser[]> {
  const { rows } = await sql.query<Row>(
    `select s.actor, u.user_id, s.account_id, s.checklist, s.item, s.reason, s.first_stuck_at, s.last_stuck_at, s.marked_at, s.cleared_at
     from stuck_users s left join users u on u.app_id = s.app_id and u.actor = s.actor
     where s.app_id = $1 and s.marked_at is not null and ($2::boolean or s.cleared_at is null) and ($3::text is null or s.account_id = $3)
     order by s.first_stuck_at, s.actor, s.checklist, s.item limit $4`,
    [appId, filter.includeCleared ?? false, filter.accountId ?? null, filter.limit],
  );
  return rows.map((r) => {
    return {
      ...personOf(r.actor, r.user_id),
      accountId: r.account_id,
      checklist: r.checklist,
      item: r.item,
      reason: r.reason,
      stuckSince: iso(r.first_stuck_at),
      lastStuckAt: iso(r.last_stuck_at),
      markedAt: iso(r.marked_at),
      clearedAt: r.cleared_at === null ? null : iso(r.cleared_at),
    };
  });
}

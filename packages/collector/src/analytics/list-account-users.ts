import type { AccountUser, WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { personOf, userSubject } from '../db/entity-keys.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The users of an account (most recently seen first), with their recorded checklist items and the items they are stuck on. */
export async function listAccountUsers(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accountId: string,
  config: Pick<WaymarkConfig, 'checklists'> | undefined,
  page: { limit: number; offset: number },
): Promise<{ users: AccountUser[]; total: number }> {
  const { rows } = await sql.query<{
    actor: string;
    user_id: string | null;
    traits: Record<string, unknown>;
    first_seen: Date;
    last_seen: Date | null;
    total: number;
  }>(
    `select u.actor, u.user_id, u.traits, u.first_seen, l.last_seen, count(*) over ()::int as total
     from users u left join (select actor, max(last_seen) as last_seen from usage_all where app_id = $1 and account_id = $2 group by actor) l on l.actor = u.actor
     where u.app_id = $1 and u.account_id = $2
     order by l.last_seen desc nulls last, u.actor limit $3 offset $4`,
    [appId, accountId, page.limit, page.offset],
  );
  const actors = rows.map((r) => r.actor);
  const [progress, stuck] = await Promise.all([
    sql.query<{ subject: string; kind: string; key: string }>(
      `select subject, kind, key from progress where app_id = $1 and kind in ('item', 'checklist') and subject = any($2::text[])`,
      [appId, actors.map(userSubject)],
    ),
    sql.query<{ actor: string; checklist: string; item: string; reason: string; first_stuck_at: Date; marked_at: Date }>(
      `select actor, checklist, item, reason, first_stuck_at, marked_at from stuck_users
       where app_id = $1 and actor = any($2::text[]) and marked_at is not null and cleared_at is null order by first_stuck_at`,
      [appId, actors],
    ),
  ]);
  return {
    total: rows[0]?.total ?? 0,
    users: rows.map((r) => {
      const mine = progress.rows.filter((p) => p.subject === userSubject(r.actor));
      return {
        ...personOf(r.actor, r.user_id),
        traits: r.traits,
        firstSeen: iso(r.first_seen),
        lastSeen: r.last_seen === null ? null : iso(r.last_seen),
        checklists: (config?.checklists ?? []).map((c) => {
          const items = new Set(c.items.map((i) => i.key));
          const done = mine.filter((p) => p.kind === 'item' && p.key.startsWith(`${c.key}/`) && items.has(p.key.slice(c.key.length + 1))).length;
          return { key: c.key, done, total: c.items.length, complete: mine.some((p) => p.kind === 'checklist' && p.key === c.key) || done === c.items.length };
        }),
        stuck: stuck.rows
          .filter((s) => s.actor === r.actor)
          .map((s) => ({ checklist: s.checklist, item: s.item, reason: s.reason, since: iso(s.first_stuck_at), markedAt: iso(s.marked_at) })),
      };
    }),
  };
}

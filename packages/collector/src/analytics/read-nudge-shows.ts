import type { ShownNudge } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { userSubjectSql } from '../db/entity-keys.js';

/** One `Nudge Shown` of an account's user, with when that user completed what it pointed at. */
export interface NudgeShow extends ShownNudge {
  nudge: string;
}

/**
 * Every `Nudge Shown` event of the account's users, each with when the user completed the item
 * it pointed at (or, for a nudge on a whole checklist, the checklist): the earliest of the
 * recorded progress (timed from the events by the summariser) and the SDK's `Checklist Item
 * Completed` / `Checklist Completed` events. For core's `nudgeEffectiveness`.
 */
export async function readNudgeShows(sql: Pick<Sql, 'query'>, appId: string, accountId: string): Promise<NudgeShow[]> {
  const { rows } = await sql.query<{ nudge: string; shown_at: Date | string; completed_at: Date | string | null }>(
    `with shown as (
       select actor, coalesce(properties->>'nudge', '') as nudge, properties->>'checklist' as checklist, coalesce(properties->>'item', '') as item, ts
       from events where app_id = $1 and account_id = $2 and event in ('Nudge Shown')),
     done as (
       select actor, properties->>'checklist' as checklist, coalesce(properties->>'item', '') as item, min(ts) as at
       from events where app_id = $1 and account_id = $2 and event in ('Checklist Item Completed', 'Checklist Completed')
         and (event = 'Checklist Completed' or properties->>'item' is not null)
       group by 1, 2, 3
       union all
       select substr(p.subject, 6), split_part(p.key, '/', 1), case when p.kind = 'item' then split_part(p.key, '/', 2) else '' end, p.reached_at
       from progress p where p.app_id = $1 and p.kind in ('item', 'checklist')
         and p.subject in (select ${userSubjectSql('actor')} from users where app_id = $1 and account_id = $2))
     select s.nudge, s.ts as shown_at,
            (select min(d.at) from done d where d.actor = s.actor and d.checklist = s.checklist and d.item = s.item) as completed_at
     from shown s where s.checklist is not null`,
    [appId, accountId],
  );
  return rows.map((r) => ({
    nudge: r.nudge,
    shownAt: new Date(r.shown_at).getTime(),
    completedAt: r.completed_at === null ? undefined : new Date(r.completed_at).getTime(),
  }));
}

import { nudgeForItem, onboardingEvents, type WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { settleUserProgress } from '../user-state/settle-user-progress.js';
import { userSubjectSql } from '../db/entity-keys.js';

// Event names as SQL literals (constants, not input): the partial index events_stuck_items is
// only used when the planner sees the event name itself, not a parameter.
const stuckEvent = `'${onboardingEvents.userStuck}'`;
const completedEvent = `'${onboardingEvents.checklistItemCompleted}'`;

/*
 * Upserts one row per (actor, checklist, item) from the 'User Stuck' events since the item's
 * latest 'Checklist Item Completed' event (all of them when there is none). The reason and account
 * are the latest event's (the user's current account first). first_stuck_at moving later means a
 * completion came in between: a new episode, so the row is reopened and unmarked.
 */
const upsert = `
with stuck as (
  select actor, properties->>'checklist' as checklist, properties->>'item' as item, properties->>'reason' as reason, account_id, ts
  from events
  where app_id = $1 and event = ${stuckEvent} and type = 'track'
    and jsonb_typeof(properties->'checklist') = 'string' and jsonb_typeof(properties->'item') = 'string'
),
done as (
  select actor, properties->>'checklist' as checklist, properties->>'item' as item, max(ts) as at
  from events where app_id = $1 and event = ${completedEvent} and type = 'track'
  group by 1, 2, 3
),
still as (
  select s.* from stuck s left join done d on d.actor = s.actor and d.checklist = s.checklist and d.item = s.item
  where d.at is null or s.ts > d.at
),
latest as (
  select distinct on (actor, checklist, item) actor, checklist, item, reason, account_id, min(ts) over w as first_at, max(ts) over w as last_at
  from still window w as (partition by actor, checklist, item)
  order by actor, checklist, item, ts desc
)
insert into stuck_users as s (app_id, actor, checklist, item, account_id, reason, first_stuck_at, last_stuck_at)
select $1, l.actor, l.checklist, l.item, coalesce(u.account_id, l.account_id), coalesce(l.reason, 'unknown'), l.first_at, l.last_at
from latest l left join users u on u.app_id = $1 and u.actor = l.actor
order by 2, 3, 4
on conflict (app_id, actor, checklist, item) do update set
  account_id = excluded.account_id,
  reason = excluded.reason,
  first_stuck_at = excluded.first_stuck_at,
  last_stuck_at = excluded.last_stuck_at,
  marked_at = case when excluded.first_stuck_at > s.first_stuck_at then null else s.marked_at end,
  cleared_at = case when excluded.first_stuck_at > s.first_stuck_at then null else s.cleared_at end
where (s.account_id, s.reason, s.first_stuck_at, s.last_stuck_at) is distinct from (excluded.account_id, excluded.reason, excluded.first_stuck_at, excluded.last_stuck_at)
`;

/** Open, unmarked rows past their item's escalation delay ($2: [{ checklist, item, days }]). */
const due = `
select s.actor, s.checklist, s.item from stuck_users s
join jsonb_to_recordset($2::jsonb) as r(checklist text, item text, days int) on r.checklist = s.checklist and r.item = s.item
where s.app_id = $1 and s.marked_at is null and s.cleared_at is null and s.first_stuck_at <= $3::timestamptz - r.days * interval '24 hours'
order by s.first_stuck_at, s.actor limit $4
`;

/** Open rows whose item is done: recorded progress, or a completion event since first stuck. */
const clear = `
update stuck_users s set cleared_at = $2
where s.app_id = $1 and s.cleared_at is null and (
  exists (select 1 from progress p where p.app_id = $1 and p.subject = ${userSubjectSql('s.actor')} and p.kind = 'item' and p.key = s.checklist || '/' || s.item)
  or exists (select 1 from events e where e.app_id = $1 and e.event = ${completedEvent} and e.type = 'track' and e.actor = s.actor
             and e.properties->>'checklist' = s.checklist and e.properties->>'item' = s.item and e.ts >= s.first_stuck_at)
)
returning 1
`;

const mark = `
update stuck_users s set marked_at = $2
from jsonb_to_recordset($3::jsonb) as c(actor text, checklist text, item text)
where s.app_id = $1 and s.actor = c.actor and s.checklist = c.checklist and s.item = c.item and s.marked_at is null and s.cleared_at is null
returning 1
`;

/**
 * Brings an app's stuck users up to date at `now`: records who is stuck on which checklist item
 * (from the SDK's `User Stuck` events), clears those whose item is done, and marks those still
 * stuck `escalate.afterDays` after they first got stuck (the escalation of the item's nudge, see
 * nudgeForItem; an item whose nudge does not escalate is never marked). Before marking, each
 * candidate's progress is settled against the config (settleUserProgress), so an item done
 * through events alone is not mistaken for stuck. Idempotent; at most `limit` marks per call.
 */
export async function markStuckUsers(
  sql: Pick<Sql, 'query'>,
  appId: string,
  config: { version: number; config: WaymarkConfig },
  now: number,
  limit = 500,
): Promise<{ marked: number; cleared: number }> {
  const at = new Date(now).toISOString();
  await sql.query(upsert, [appId]);

  // Configs stored before the nudges section existed have no `nudges` array.
  const nudges = config.config.nudges ?? [];
  const delays = config.config.checklists.flatMap((c) =>
    c.items.flatMap((i) => {
      const days = nudgeForItem(nudges, c.key, i.key)?.escalate?.afterDays;
      return days === undefined ? [] : [{ checklist: c.key, item: i.key, days }];
    }),
  );
  const { rows: candidates } =
    delays.length === 0 ? { rows: [] } : await sql.query<{ actor: string; checklist: string; item: string }>(due, [appId, JSON.stringify(delays), at, limit]);
  for (const actor of new Set(candidates.map((c) => c.actor))) await settleUserProgress(sql, appId, actor, config.config, now);

  const { rows: cleared } = await sql.query(clear, [appId, at]);
  const { rows: marked } =
    candidates.length === 0
      ? { rows: [] }
      : await sql.query(mark, [appId, at, JSON.stringify(candidates.map(({ actor, checklist, item }) => ({ actor, checklist, item })))]);
  return { marked: marked.length, cleared: cleared.length };
}

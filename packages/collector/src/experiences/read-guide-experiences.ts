import { guideGoal, onboardingEvents, ratio, type GuideExperience, type WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';

const g = onboardingEvents;

/**
 * Each guide's reach, in config order, then guides that only the events still name: distinct
 * users who started it (`Guide Started`), who had it started by its trigger (`Experience Started`
 * of kind guide), who completed and dismissed it; and its goal, the checklist item it backs:
 * users whose `Checklist Item Completed` for that item came within `days` days after their first
 * start (an item done before the guide does not count).
 */
export async function readGuideExperiences(
  sql: Pick<Sql, 'query'>,
  appId: string,
  config: Pick<WaymarkConfig, 'guides' | 'checklists'> | undefined,
  days: number,
): Promise<GuideExperience[]> {
  const { rows: stages } = await sql.query<{ guide: string; event: string; users: number }>(
    `select case when event = $2 then properties->>'key' else properties->>'guide' end as guide, event, count(distinct actor)::int as users
     from events
     where app_id = $1 and (event = any($3::text[]) and properties->>'guide' is not null or event = $2 and properties->>'kind' = 'guide' and properties->>'key' is not null)
     group by 1, 2`,
    [appId, g.experienceStarted, [g.guideStarted, g.guideCompleted, g.guideDismissed]],
  );
  const keys = [...new Set([...(config?.guides ?? []).map((x) => x.key), ...stages.map((s) => s.guide)])];
  const goals = keys.flatMap((guide) => {
    const goal = guideGoal(config?.checklists ?? [], guide);
    return goal ? [{ guide, ...goal }] : [];
  });
  const { rows: reached } = goals.length
    ? await sql.query<{ guide: string; users: number }>(
        `with goals as (select * from jsonb_to_recordset($2::jsonb) as x(guide text, checklist text, item text)),
         starts as (
           select properties->>'guide' as guide, actor, min(ts) as at from events
           where app_id = $1 and event = $3 and properties->>'guide' in (select guide from goals) group by 1, 2)
         select s.guide, count(*)::int as users from starts s join goals on goals.guide = s.guide
         where exists (
           select 1 from events e where e.app_id = $1 and e.actor = s.actor and e.event = $4
             and e.properties->>'checklist' = goals.checklist and e.properties->>'item' = goals.item
             and e.ts >= s.at and e.ts < s.at + $5::int * interval '1 day')
         group by s.guide`,
        [appId, JSON.stringify(goals), g.guideStarted, g.checklistItemCompleted, days],
      )
    : { rows: [] };
  return keys.map((key) => {
    const users = (event: string) => stages.find((s) => s.guide === key && s.event === event)?.users ?? 0;
    const started = users(g.guideStarted);
    const goal = goals.find((x) => x.guide === key);
    const reachedAfter = reached.find((r) => r.guide === key)?.users ?? 0;
    return {
      key,
      title: config?.guides.find((x) => x.key === key)?.title ?? key,
      started,
      autoStarted: users(g.experienceStarted),
      completed: users(g.guideCompleted),
      dismissed: users(g.guideDismissed),
      completionRate: ratio(users(g.guideCompleted), started),
      goal: goal ? { checklist: goal.checklist, item: goal.item, reachedAfter, rate: ratio(reachedAfter, started) } : null,
    };
  });
}

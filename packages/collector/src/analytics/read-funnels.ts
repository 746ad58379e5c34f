import { checklistCompletion, guideFunnel, onboardingEvents, type Funnels, type WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { userSubjectSql } from '../db/entity-keys.js';

const g = onboardingEvents;

/**
 * Guide funnels from the onboarding events (`Guide Started`, `Guide Step Viewed` per step,
 * `Completed`, `Dismissed`, `Errored`; distinct users per stage, steps in config order) and
 * checklist completion from the recorded checklist items of the identified users in scope.
 */
export async function readFunnels(
  sql: Pick<Sql, 'query'>,
  appId: string,
  config: Pick<WaymarkConfig, 'guides' | 'checklists'> | undefined,
  scope: { accountId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<Funnels> {
  const { rows: stages } = await sql.query<{ guide: string; event: string; step: string | null; users: number }>(
    `select properties->>'guide' as guide, event, case when event = $2 then properties->>'step' end as step, count(distinct actor)::int as users
     from events where app_id = $1 and event = any($3::text[]) and properties->>'guide' is not null
       and ($4::text is null or account_id = $4) and ($5::timestamptz is null or ts >= $5) and ($6::timestamptz is null or ts < $6)
     group by 1, 2, 3`,
    [
      appId,
      g.guideStepViewed,
      [g.guideStarted, g.guideStepViewed, g.guideCompleted, g.guideDismissed, g.guideErrored],
      scope.accountId ?? null,
      scope.from ?? null,
      scope.to ?? null,
    ],
  );
  const guideKeys = [...new Set([...(config?.guides ?? []).map((x) => x.key), ...stages.map((s) => s.guide)])];
  const guides = guideKeys.map((guide) => {
    const mine = stages.filter((s) => s.guide === guide);
    const count = (event: string) => mine.filter((s) => s.event === event).reduce((n, s) => n + s.users, 0);
    const stepKeys = config?.guides.find((x) => x.key === guide)?.steps.map((s) => s.key) ?? [
      ...new Set(mine.filter((s) => s.step !== null).map((s) => s.step!)),
    ];
    const steps = stepKeys.map((k) => mine.find((s) => s.event === g.guideStepViewed && s.step === k)?.users ?? 0);
    const funnel = guideFunnel({
      started: count(g.guideStarted),
      steps,
      completed: count(g.guideCompleted),
      dismissed: count(g.guideDismissed),
      errored: count(g.guideErrored),
    });
    return { guide, stepKeys, ...funnel, steps };
  });

  const users = `select ${userSubjectSql('actor')} from users where app_id = $1 and user_id is not null and ($2::text is null or account_id = $2)`;
  const { rows: total } = await sql.query<{ n: number }>(
    `select count(*)::int as n from users where app_id = $1 and user_id is not null and ($2::text is null or account_id = $2)`,
    [appId, scope.accountId ?? null],
  );
  const { rows: items } = await sql.query<{ key: string; users: number }>(
    `select key, count(*)::int as users from progress where app_id = $1 and kind = 'item' and subject in (${users}) group by key`,
    [appId, scope.accountId ?? null],
  );
  const { rows: histogram } = await sql.query<{ checklist: string; done: number; users: number }>(
    `select checklist, done, count(*)::int as users from (
       select split_part(key, '/', 1) as checklist, subject, count(*)::int as done from progress
       where app_id = $1 and kind = 'item' and subject in (${users}) group by 1, 2) x group by 1, 2`,
    [appId, scope.accountId ?? null],
  );
  const userCount = total[0]?.n ?? 0;
  const checklists = (config?.checklists ?? []).map((c) => {
    const mine = histogram.filter((h) => h.checklist === c.key);
    const withAny = mine.reduce((n, h) => n + h.users, 0);
    const itemsDone = [...mine.flatMap((h) => new Array<number>(h.users).fill(h.done)), ...new Array<number>(Math.max(0, userCount - withAny)).fill(0)];
    return {
      checklist: c.key,
      ...checklistCompletion(itemsDone, c.items.length),
      items: c.items.map((i) => ({ item: i.key, users: items.find((r) => r.key === `${c.key}/${i.key}`)?.users ?? 0 })),
    };
  });
  return { guides, checklists };
}

import { onboardingEvents, type NudgeRecord } from '@waymark/core';
import type { Sql } from '../db/sql.js';

const dayMs = 86_400_000;

// Bounds the size of /v1/state; a nudge dismissed longer ago than this may show again.
const limits = { days: 90, records: 500 };

/**
 * A user's history of experiences that started by themselves (core's `NudgeHistory`, for
 * `mayNudge` and `pickTrigger`) from their `Nudge Shown`, `Nudge Dismissed`, `Nudge Snoozed` and
 * `Experience Started` (its `experience` as the key) events of the last 90 days (starts of any age), at most the newest 500,
 * oldest first. Events without the properties a record needs (a string `nudge`; a string
 * `session` when shown; a number `until` when snoozed) are skipped, in SQL so the limit counts
 * only records that are kept.
 */
export async function readNudgeHistory(sql: Pick<Sql, 'query'>, appId: string, actor: string, now: number): Promise<NudgeRecord[]> {
  const { rows } = await sql.query<{ event: string; nudge: string; session: string | null; until: number | null; ts: Date | string }>(
    `select event, coalesce(properties->>'nudge', properties->>'experience') as nudge, properties->>'session' as session,
            (properties->>'until')::float8 as until, ts from (
       select event, properties, ts from events
       -- A trigger that starts once per user must see its start however long ago it was.
       where app_id = $1 and actor = $2 and (ts >= $3 or event = $8) and type = 'track' and event in ($4, $5, $6, $8)
         and (jsonb_typeof(properties->'nudge') = 'string' or (event = $8 and jsonb_typeof(properties->'experience') = 'string'))
         and (event not in ($4, $8) or jsonb_typeof(properties->'session') = 'string')
         and (event <> $6 or jsonb_typeof(properties->'until') = 'number')
       order by ts desc limit $7
     ) e order by ts`,
    [
      appId,
      actor,
      new Date(now - limits.days * dayMs).toISOString(),
      onboardingEvents.nudgeShown,
      onboardingEvents.nudgeDismissed,
      onboardingEvents.nudgeSnoozed,
      limits.records,
      onboardingEvents.experienceStarted,
    ],
  );
  return rows.map((r): NudgeRecord => {
    const at = new Date(r.ts).getTime();
    if (r.event === onboardingEvents.nudgeShown || r.event === onboardingEvents.experienceStarted)
      return { type: 'shown', nudge: r.nudge, at, session: r.session ?? '' };
    if (r.event === onboardingEvents.nudgeSnoozed) return { type: 'snoozed', nudge: r.nudge, at, until: Number(r.until) };
    return { type: 'dismissed', nudge: r.nudge, at };
  });
}

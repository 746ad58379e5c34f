import { onboardingEvents, settleProgress } from '@waymark/core';
import type { GuideState, StateSnapshot, UserState, WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { overridesForUser } from './overrides-for-user.js';
import type { OverrideState } from '@waymark/core';
import { readNudgeHistory } from './read-nudge-history.js';
import { readUserSnapshot } from './read-user-snapshot.js';
import { actorOf } from '../db/entity-keys.js';

export type { GuideState, UserState };

/** Who: a userId, else the anonymousId used before identify. */
export interface UserRef {
  userId?: string | undefined;
  anonymousId?: string | undefined;
}

const guideEvents = [
  onboardingEvents.guideStarted,
  onboardingEvents.guideStepViewed,
  onboardingEvents.guideCompleted,
  onboardingEvents.guideDismissed,
  onboardingEvents.guideErrored,
];

/** Sorts keys by their place in `order`; keys not in it go last, as they were. */
function byPlace(keys: readonly string[], order: readonly string[]): string[] {
  const place = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...keys].sort((a, b) => place(a) - place(b));
}

/** The snapshot's progress in config order: the database returns recorded rows in an order of its own. */
function inConfigOrder(snapshot: StateSnapshot, config: WaymarkConfig): StateSnapshot {
  const items: Record<string, string[]> = {};
  for (const [checklist, done] of Object.entries(snapshot.items)) {
    items[checklist] = byPlace(done, config.checklists.find((c) => c.key === checklist)?.items.map((it) => it.key) ?? []);
  }
  return {
    ...snapshot,
    milestones: byPlace(
      snapshot.milestones,
      config.milestones.map((m) => m.key),
    ),
    items,
    completed: byPlace(
      snapshot.completed,
      config.checklists.map((c) => c.key),
    ),
  };
}

/**
 * Reads the user's `StateSnapshot` (readUserSnapshot), settles it against the config with core's
 * `settleProgress` in memory (a read: settleUserProgress records progress), and adds guide
 * positions and checklist dismissals from the user's latest onboarding events, the gate overrides
 * in force, the gates already celebrated and the nudge history.
 */
export async function readUserState(
  sql: Pick<Sql, 'query'>,
  appId: string,
  who: UserRef,
  config: { version: number; config: WaymarkConfig } | undefined,
  now: number,
): Promise<UserState> {
  const actor = actorOf(who);
  const stored = await readUserSnapshot(sql, appId, actor, now);
  const { accountId } = stored;
  let snapshot = stored.snapshot;
  if (config) {
    // Items the SDK saw done (a page visited is gone by the next read): the summariser records
    // them from these events later; the state counts them now, so another device agrees at once.
    const { rows: claimed } = await sql.query<{ checklist: string | null; item: string | null }>(
      `select distinct properties->>'checklist' as checklist, properties->>'item' as item from events
       where app_id = $1 and event = $2 and actor = $3`,
      [appId, onboardingEvents.checklistItemCompleted, actor],
    );
    for (const { checklist, item } of claimed) {
      const known = config.config.checklists.find((c) => c.key === checklist)?.items.some((i) => i.key === item);
      const done = (checklist && snapshot.items[checklist]) || [];
      if (known && checklist && item && !done.includes(item)) snapshot.items[checklist] = [...done, item];
    }
    // Settled here for the answer only: ingest and the stuck-user sweep record what newly holds.
    snapshot = inConfigOrder(settleProgress(snapshot, config.config, now).snapshot, config.config);
  }

  const { rows: guideRows } = await sql.query<{ guide: string; event: string; step: string | null; ts: Date | string }>(
    `select distinct on (guide) guide, event, step, ts from (
       select properties->>'guide' as guide, event, properties->>'step' as step, ts,
              case when event in ($3, $4, $7) then 3 when event = $5 then 2 else 1 end as rank
       from events where app_id = $1 and actor = $2 and type = 'track' and event = any($6::text[]) and properties->>'guide' is not null
         -- A step's error that the guide skipped over does not end the run; one marked ended does.
         and (event <> $7 or properties->>'ended' = 'true')
     ) e order by guide, ts desc, rank desc`,
    [
      appId,
      actor,
      onboardingEvents.guideCompleted,
      onboardingEvents.guideDismissed,
      onboardingEvents.guideStepViewed,
      guideEvents,
      onboardingEvents.guideErrored,
    ],
  );
  const guides: Record<string, GuideState> = {};
  for (const r of guideRows) {
    const ended: Record<string, GuideState['status']> = {
      [onboardingEvents.guideCompleted]: 'completed',
      [onboardingEvents.guideDismissed]: 'dismissed',
      [onboardingEvents.guideErrored]: 'errored',
    };
    const status = ended[r.event] ?? 'active';
    guides[r.guide] = { status, ...(status === 'active' && r.step ? { step: r.step } : {}), at: new Date(r.ts).toISOString() };
  }

  // A checklist stays dismissed until the user opens it again (the SDK tracks "Checklist Opened").
  const { rows: checklistRows } = await sql.query<{ checklist: string; event: string }>(
    `select distinct on (checklist) checklist, event from (
       select properties->>'checklist' as checklist, event, ts, case when event = $3 then 2 else 1 end as rank
       from events where app_id = $1 and actor = $2 and type = 'track' and event in ($3, $4) and properties->>'checklist' is not null
     ) e order by checklist, ts desc, rank desc`,
    [appId, actor, onboardingEvents.checklistDismissed, onboardingEvents.checklistOpened],
  );
  const dismissed = checklistRows
    .filter((r) => r.event === onboardingEvents.checklistDismissed)
    .map((r) => r.checklist)
    .sort();

  const overrides: Record<string, OverrideState> = {};
  if (who.userId !== undefined) {
    const byGate = await overridesForUser(sql, appId, who.userId, accountId);
    for (const [gate, o] of [...byGate].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const state = o.user ?? o.account;
      if (state) overrides[gate] = state;
    }
  }

  const { rows: unlocked } = await sql.query<{ gate: string }>(
    `select distinct properties->>'gate' as gate from events
     where app_id = $1 and actor = $2 and type = 'track' and event = $3 and jsonb_typeof(properties->'gate') = 'string'`,
    [appId, actor, onboardingEvents.gateUnlocked],
  );
  // Sorted here, not in SQL, so the order does not depend on the database's collation.
  const celebrated = unlocked.map((r) => r.gate).sort();

  const { rows: announced } = await sql.query<{ announcement: string; clicked: boolean; dismissed: boolean }>(
    `select properties->>'announcement' as announcement, bool_or(event = $4) as clicked, bool_or(event = $5) as dismissed from events
     where app_id = $1 and actor = $2 and type = 'track' and event in ($3, $4, $5) and jsonb_typeof(properties->'announcement') = 'string'
     group by 1`,
    [appId, actor, onboardingEvents.announcementSeen, onboardingEvents.announcementClicked, onboardingEvents.announcementDismissed],
  );
  const announcements: UserState['announcements'] = {};
  for (const r of announced.sort((a, b) => (a.announcement < b.announcement ? -1 : 1)))
    announcements[r.announcement] = { clicked: r.clicked, dismissed: r.dismissed };

  const nudges = await readNudgeHistory(sql, appId, actor, now);

  return { snapshot, guides, dismissed, configVersion: config?.version ?? null, overrides, celebrated, announcements, nudges };
}

import { emptySnapshot, onboardingEvents, pageFacts, settleProgress, snapshotHorizonHours } from '@waymark/core';
import type { GuideState, ScopeState, UserState, WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { withStageFact } from '../analytics/with-stage-fact.js';
import { overridesForUser } from './overrides-for-user.js';
import type { OverrideState } from '@waymark/core';
import { readNudgeHistory } from './read-nudge-history.js';

export type { GuideState, UserState };

/** Who: a userId, else the anonymousId used before identify. */
export interface UserRef {
  userId?: string | undefined;
  anonymousId?: string | undefined;
}

const hourMs = 3_600_000;
const guideEvents = [
  onboardingEvents.guideStarted,
  onboardingEvents.guideStepViewed,
  onboardingEvents.guideCompleted,
  onboardingEvents.guideDismissed,
  onboardingEvents.guideErrored,
];

/** When an account started: its `createdAt` trait when it is a date (ISO string or ms), else first seen. */
function accountStart(traits: Record<string, unknown>, firstSeen: number): number {
  const created = traits['createdAt'];
  const at = typeof created === 'string' ? Date.parse(created) : typeof created === 'number' ? created : Number.NaN;
  return Number.isFinite(at) ? at : firstSeen;
}

async function counters(sql: Pick<Sql, 'query'>, appId: string, column: 'actor' | 'account_id', id: string, sinceIso: string): Promise<ScopeState['events']> {
  const events: ScopeState['events'] = {};
  const { rows: totals } = await sql.query<{ key: string; n: number }>(
    `select event_key as key, sum(count)::float8 as n from usage_all where app_id = $1 and ${column} = $2 group by event_key`,
    [appId, id],
  );
  for (const r of totals) events[r.key] = { total: r.n, hours: {} };
  const { rows: hours } = await sql.query<{ key: string; hour: number; n: number }>(
    `select event_key as key, floor(extract(epoch from ts) / 3600)::int as hour, count(*)::int as n from events
     where app_id = $1 and ${column} = $2 and ts >= $3 and event_key is not null group by 1, 2`,
    [appId, id, sinceIso],
  );
  for (const r of hours) {
    events[r.key] ??= { total: r.n, hours: {} };
    events[r.key]!.hours[String(r.hour)] = r.n;
  }
  return events;
}

/**
 * Builds the user's `StateSnapshot` from the database (traits, start days, all-time and hourly
 * event counts of the user and their account, progress recorded earlier), settles it against the
 * config with core's `settleProgress`, records what newly holds (so it is never taken back), and
 * adds guide positions and checklist dismissals from the user's latest onboarding events, the
 * gate overrides in force, the gates already celebrated and the nudge history.
 */
export async function readUserState(
  sql: Pick<Sql, 'query'>,
  appId: string,
  who: UserRef,
  config: { version: number; config: WaymarkConfig } | undefined,
  now: number,
): Promise<UserState> {
  const actor = who.userId ?? `anon:${who.anonymousId ?? ''}`;
  const since = new Date((Math.floor(now / hourMs) - snapshotHorizonHours + 1) * hourMs).toISOString();
  let snapshot = emptySnapshot();

  const { rows: users } = await sql.query<{ account_id: string | null; traits: Record<string, unknown>; first_seen: Date | string }>(
    'select account_id, traits, first_seen from users where app_id = $1 and actor = $2',
    [appId, actor],
  );
  const user = users[0];
  const accountId = user?.account_id ?? null;
  if (user) snapshot.user = { events: await counters(sql, appId, 'actor', actor, since), traits: user.traits, startedAt: new Date(user.first_seen).getTime() };
  if (accountId !== null) {
    // The account's lifecycle stage, from its summary, is served as the account fact `$stage`
    // (docs/metrics.md#lifecycle-stage), so audiences can use it.
    const { rows } = await sql.query<{ traits: Record<string, unknown>; first_seen: Date | string; stage: string | null }>(
      `select a.traits, a.first_seen, s.stage from accounts a left join account_summaries s on s.app_id = a.app_id and s.account_id = a.account_id
       where a.app_id = $1 and a.account_id = $2`,
      [appId, accountId],
    );
    const account = rows[0];
    snapshot.account = {
      events: await counters(sql, appId, 'account_id', accountId, since),
      traits: withStageFact(account?.traits ?? {}, account?.stage),
      ...(account ? { startedAt: accountStart(account.traits, new Date(account.first_seen).getTime()) } : {}),
    };
  }

  // Page conditions read the user's latest page view, as the SDK reads the page it is on.
  const { rows: pages } = await sql.query<{ properties: Record<string, unknown> | null; context: Record<string, unknown> | null }>(
    "select properties, context from events where app_id = $1 and actor = $2 and type = 'page' order by ts desc, received_at desc limit 1",
    [appId, actor],
  );
  const lastPage = pages[0] && (pageFacts(pages[0].properties) ?? pageFacts(pages[0].context?.['page']));
  if (lastPage) snapshot.page = lastPage;

  const userSubject = `user:${actor}`;
  const accountSubject = accountId === null ? userSubject : `account:${accountId}`;
  const { rows: recorded } = await sql.query<{ kind: string; key: string }>('select kind, key from progress where app_id = $1 and subject = any($2::text[])', [
    appId,
    [userSubject, accountSubject],
  ]);
  for (const r of recorded) {
    if (r.kind === 'milestone' && !snapshot.milestones.includes(r.key)) snapshot.milestones.push(r.key);
    if (r.kind === 'checklist' && !snapshot.completed.includes(r.key)) snapshot.completed.push(r.key);
    if (r.kind === 'item') {
      const [checklist = '', item = ''] = r.key.split('/');
      snapshot.items[checklist] = [...(snapshot.items[checklist] ?? []), item];
    }
  }

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
    const settled = settleProgress(snapshot, config.config, now);
    snapshot = settled.snapshot;
    const scopeOf = new Map(config.config.milestones.map((m) => [m.key, m.scope]));
    // Keys cannot contain "/", so "checklist/item" is unambiguous.
    const rows = [
      ...settled.changes.milestones.map((key) => ({ subject: scopeOf.get(key) === 'account' ? accountSubject : userSubject, kind: 'milestone', key })),
      ...settled.changes.items.map((it) => ({ subject: userSubject, kind: 'item', key: `${it.checklist}/${it.item}` })),
      ...settled.changes.completed.map((key) => ({ subject: userSubject, kind: 'checklist', key })),
    ];
    if (rows.length > 0) {
      await sql.query(
        // Stamped with the read time ('read'): the summariser moves it to when the events show it was reached.
        `insert into progress (app_id, subject, kind, key, reached_at, recorded_at, source)
         select $1, x.subject, x.kind, x.key, $3, $3, 'read' from jsonb_to_recordset($2::jsonb) as x(subject text, kind text, key text)
         on conflict do nothing`,
        [appId, JSON.stringify(rows), new Date(now).toISOString()],
      );
    }
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

  const nudges = await readNudgeHistory(sql, appId, actor, now);

  return { snapshot, guides, dismissed, configVersion: config?.version ?? null, overrides, celebrated, nudges };
}

import {
  deriveFacts,
  emptySnapshot,
  evaluateCondition,
  onboardingEvents,
  progressTimeline,
  snapshotFacts,
  type Condition,
  type ProgressTimes,
  type TimelineScope,
  type WaymarkConfig,
  walkCondition,
} from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { accountProfile } from './account-profile.js';
import { accountSubject, userSubject, userSubjectSql } from '../db/entity-keys.js';
import { withStageFact } from './with-stage-fact.js';

/** Checklist key → the subjects (`user:<actor>`) in its audience; checklists without an audience are left out. */
export type ChecklistAudience = Map<string, Set<string>>;

type Kind = 'milestone' | 'item' | 'checklist';
interface Row {
  subject: string;
  kind: Kind;
  key: string;
  reached_at: string;
  source: string;
}

const ms = (d: Date | string | null) => (d === null ? undefined : new Date(d).getTime());
const none = (): ProgressTimes => ({ milestones: new Map(), items: new Map(), completed: new Map() });
const mapOf: Record<Kind, keyof ProgressTimes> = { milestone: 'milestones', item: 'items', checklist: 'completed' };

function eventKeys(config: Pick<WaymarkConfig, 'milestones' | 'checklists'>): string[] {
  const keys = new Set<string>();
  const visit = (c: Condition): void => {
    if ('event' in c) keys.add(c.event);
  };
  for (const m of config.milestones) walkCondition(m.condition, visit);
  for (const c of config.checklists) for (const it of c.items) walkCondition(it.done, visit);
  return [...keys];
}

/**
 * Settles the progress of an account and its users from the stored events, and dates it: replays
 * the config's conditions over the account's events (core's `progressTimeline`) so each milestone,
 * checklist item and checklist is recorded with the moment it was first reached (the N-th event of
 * a threshold, the events inside a window), taking the SDK's `Milestone Reached` / `Checklist Item
 * Completed` / `Checklist Completed` times only for conditions that read traits. Progress is never
 * taken back; a recorded time only moves earlier. Only subjects with something open or a row from
 * GET /v1/state not checked yet are replayed, so a settled account reads no events. The account's
 * events stand for both scopes of account milestones; a user's own events are those in this account.
 * Returns the audience of each checklist that has one, evaluated now (windows in an audience
 * condition see no events: no hourly counts are read for it).
 */
export async function settleAccountProgress(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accountId: string,
  config: Pick<WaymarkConfig, 'milestones' | 'checklists'>,
  now: number,
): Promise<ChecklistAudience> {
  const { rows: accounts } = await sql.query<{
    traits: Record<string, unknown>;
    trusted_traits: Record<string, unknown>;
    traits_at: Date | string | null;
    first_seen: Date | string;
    stage: string | null;
  }>(
    `select a.traits, a.trusted_traits, a.traits_at, a.first_seen, s.stage from accounts a
     left join account_summaries s on s.app_id = a.app_id and s.account_id = a.account_id where a.app_id = $1 and a.account_id = $2`,
    [appId, accountId],
  );
  const account = accounts[0];
  if (!account) return new Map();
  const { rows: users } = await sql.query<{
    actor: string;
    traits: Record<string, unknown>;
    trusted_traits: Record<string, unknown>;
    traits_at: Date | string | null;
    first_seen: Date | string;
  }>('select actor, traits, trusted_traits, traits_at, first_seen from users where app_id = $1 and account_id = $2', [appId, accountId]);
  const ownSubject = accountSubject(accountId);
  const { rows: stored } = await sql.query<Row>(
    `select subject, kind, key, reached_at, source from progress
     where app_id = $1 and (subject = $2 or subject in (select ${userSubjectSql('actor')} from users where app_id = $1 and account_id = $3))`,
    [appId, ownSubject, accountId],
    { prepare: 'waymark_settle_progress' },
  );
  const recorded = new Map<string, ProgressTimes>();
  const unchecked = new Set<string>();
  const storedAt = new Map<string, { at: number; source: string }>();
  for (const r of stored) {
    const times = recorded.get(r.subject) ?? none();
    recorded.set(r.subject, times);
    times[mapOf[r.kind]].set(r.key, ms(r.reached_at)!);
    storedAt.set(`${r.subject}\n${r.kind}\n${r.key}`, { at: ms(r.reached_at)!, source: r.source });
    if (r.source === 'read') unchecked.add(r.subject);
  }

  const accountMilestones = config.milestones.filter((m) => m.scope === 'account');
  const userMilestones = config.milestones.filter((m) => m.scope === 'user');
  const open = (subject: string, milestones: typeof config.milestones, checklists: typeof config.checklists) => {
    const r = recorded.get(subject) ?? none();
    return (
      milestones.some((m) => !r.milestones.has(m.key)) ||
      checklists.some((c) => !r.completed.has(c.key) || c.items.some((it) => !r.items.has(`${c.key}/${it.key}`)))
    );
  };
  const replayAccount = unchecked.has(ownSubject) || open(ownSubject, accountMilestones, []);
  const replayUsers = users.filter((u) => unchecked.has(userSubject(u.actor)) || open(userSubject(u.actor), userMilestones, config.checklists));
  const keys = eventKeys(config);

  if ((replayAccount || replayUsers.length > 0) && keys.length > 0) {
    const { rows: events } = await sql.query<{ actor: string; event_key: string; ts: Date | string }>(
      'select actor, event_key, ts from events where app_id = $1 and account_id = $2 and event_key = any($3::text[])',
      [appId, accountId, keys],
    );
    // Literal event names, so PostgreSQL can use the partial index events_onboarding_progress.
    const { rows: sdk } = await sql.query<{
      actor: string;
      event: string;
      milestone: string | null;
      checklist: string | null;
      item: string | null;
      at: Date | string;
    }>(
      `select actor, event, properties->>'milestone' as milestone, properties->>'checklist' as checklist, properties->>'item' as item, min(ts) as at
       from events where app_id = $1 and account_id = $2 and event in ('Milestone Reached', 'Checklist Item Completed', 'Checklist Completed')
       group by 1, 2, 3, 4, 5`,
      [appId, accountId],
    );
    const accountEvents = new Map<string, number[]>();
    const userEvents = new Map<string, Map<string, number[]>>();
    for (const e of events) {
      const at = ms(e.ts)!;
      (accountEvents.get(e.event_key) ?? accountEvents.set(e.event_key, []).get(e.event_key)!).push(at);
      const mine = userEvents.get(e.actor) ?? userEvents.set(e.actor, new Map()).get(e.actor)!;
      (mine.get(e.event_key) ?? mine.set(e.event_key, []).get(e.event_key)!).push(at);
    }
    const claims = new Map<string, ProgressTimes>();
    const claim = (subject: string, kind: keyof ProgressTimes, key: string, at: number) => {
      const c = claims.get(subject) ?? claims.set(subject, none()).get(subject)!;
      c[kind].set(key, Math.min(at, c[kind].get(key) ?? Infinity));
    };
    const accountScoped = new Set(accountMilestones.map((m) => m.key));
    for (const s of sdk) {
      const at = ms(s.at)!;
      if (s.event === onboardingEvents.milestoneReached && s.milestone)
        claim(accountScoped.has(s.milestone) ? ownSubject : userSubject(s.actor), 'milestones', s.milestone, at);
      else if (s.event === onboardingEvents.checklistItemCompleted && s.checklist && s.item)
        claim(userSubject(s.actor), 'items', `${s.checklist}/${s.item}`, at);
      else if (s.event === onboardingEvents.checklistCompleted && s.checklist) claim(userSubject(s.actor), 'completed', s.checklist, at);
    }

    const accountScope: TimelineScope = {
      events: accountEvents,
      traits: account.traits,
      trustedTraits: account.trusted_traits,
      startedAt: accountProfile(accountId, account.traits, ms(account.first_seen)!).startAt,
      traitsAt: ms(account.traits_at),
    };
    const writes: Array<{ subject: string; kind: Kind; key: string; reached_at: string; source: string }> = [];
    const collect = (subject: string, times: ProgressTimes & { fromClaims: Set<string> }, kinds: Record<Kind, (key: string) => boolean>) => {
      for (const kind of ['milestone', 'item', 'checklist'] as const) {
        for (const [key, at] of times[mapOf[kind]]) {
          if (!kinds[kind](key)) continue;
          const before = storedAt.get(`${subject}\n${kind}\n${key}`);
          const source = times.fromClaims.has(`${mapOf[kind]}:${key}`) ? 'sdk' : 'events';
          if (!before || at < before.at) writes.push({ subject, kind, key, reached_at: new Date(at).toISOString(), source });
          else if (before.source === 'read') writes.push({ subject, kind, key, reached_at: new Date(before.at).toISOString(), source: 'checked' });
        }
      }
    };
    let accountTimes: ProgressTimes = recorded.get(ownSubject) ?? none();
    if (replayAccount) {
      const replayed = progressTimeline(
        { milestones: config.milestones, checklists: [] },
        { user: accountScope, account: accountScope, recorded: accountTimes, claimed: claims.get(ownSubject), now },
      );
      accountTimes = replayed;
      collect(ownSubject, replayed, { milestone: (k) => accountScoped.has(k), item: () => false, checklist: () => false });
    }
    const userScoped = new Set(userMilestones.map((m) => m.key));
    for (const u of replayUsers) {
      const subject = userSubject(u.actor);
      const mine = recorded.get(subject) ?? none();
      // The account's milestones count for its users from when the account reached them.
      const milestones = new Map(mine.milestones);
      for (const [key, at] of accountTimes.milestones) if (accountScoped.has(key)) milestones.set(key, at);
      const times = progressTimeline(config, {
        user: {
          events: userEvents.get(u.actor) ?? new Map(),
          traits: u.traits,
          trustedTraits: u.trusted_traits,
          startedAt: ms(u.first_seen),
          traitsAt: ms(u.traits_at),
        },
        account: accountScope,
        recorded: { ...mine, milestones },
        claimed: claims.get(subject),
        now,
      });
      collect(subject, times, { milestone: (k) => userScoped.has(k), item: () => true, checklist: () => true });
    }
    if (writes.length > 0) {
      await sql.query(
        `insert into progress as p (app_id, subject, kind, key, reached_at, recorded_at, source)
         select $1, x.subject, x.kind, x.key, x.reached_at, $3, x.source
         from jsonb_to_recordset($2::jsonb) as x(subject text, kind text, key text, reached_at timestamptz, source text)
         on conflict (app_id, subject, kind, key) do update set
           reached_at = least(p.reached_at, excluded.reached_at),
           source = case when excluded.reached_at < p.reached_at then excluded.source when p.source = 'read' then 'checked' else p.source end,
           recorded_at = excluded.recorded_at
         where excluded.reached_at < p.reached_at or p.source = 'read'`,
        [appId, JSON.stringify(writes), new Date(now).toISOString()],
      );
    }
  }
  return checklistAudience(
    sql,
    appId,
    accountId,
    config,
    users,
    { traits: withStageFact(account.traits, account.stage), trustedTraits: account.trusted_traits },
    now,
  );
}

async function checklistAudience(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accountId: string,
  config: Pick<WaymarkConfig, 'milestones' | 'checklists'>,
  users: ReadonlyArray<{ actor: string; traits: Record<string, unknown>; trusted_traits: Record<string, unknown> }>,
  accountTraits: { traits: Record<string, unknown>; trustedTraits: Record<string, unknown> },
  now: number,
): Promise<ChecklistAudience> {
  const audience: ChecklistAudience = new Map();
  const withAudience = config.checklists.filter((c) => c.audience !== undefined);
  if (withAudience.length === 0) return audience;
  const { rows: totals } = await sql.query<{ actor: string; key: string; n: number }>(
    'select actor, event_key as key, sum(count)::float8 as n from usage_all where app_id = $1 and account_id = $2 group by 1, 2',
    [appId, accountId],
  );
  const accountEvents: Record<string, { total: number; hours: Record<string, number> }> = {};
  for (const t of totals) accountEvents[t.key] = { total: (accountEvents[t.key]?.total ?? 0) + t.n, hours: {} };
  for (const u of users) {
    const userEvents: Record<string, { total: number; hours: Record<string, number> }> = {};
    for (const t of totals) if (t.actor === u.actor) userEvents[t.key] = { total: t.n, hours: {} };
    const snapshot = {
      ...emptySnapshot(),
      user: { events: userEvents, traits: u.traits, trustedTraits: u.trusted_traits },
      account: { events: accountEvents, ...accountTraits },
    };
    const facts = deriveFacts(config, snapshotFacts(snapshot, now));
    for (const c of withAudience) {
      if (!evaluateCondition(c.audience!, facts)) continue;
      (audience.get(c.key) ?? audience.set(c.key, new Set()).get(c.key)!).add(userSubject(u.actor));
    }
  }
  for (const c of withAudience) if (!audience.has(c.key)) audience.set(c.key, new Set());
  return audience;
}

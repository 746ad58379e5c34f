import { accountStart, emptySnapshot, pageFacts, snapshotHorizonHours } from '@waymark/core';
import type { ScopeState, StateSnapshot } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { withStageFact } from '../analytics/with-stage-fact.js';
import { accountSubject, userSubject } from '../db/entity-keys.js';

/** A user's snapshot as stored, before it is settled against the config, and the account they belong to. */
export interface StoredUserSnapshot {
  snapshot: StateSnapshot;
  accountId: string | null;
}

const hourMs = 3_600_000;

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
    const counts = events[r.key] ?? { total: r.n, hours: {} };
    counts.hours[String(r.hour)] = r.n;
    events[r.key] = counts;
  }
  return events;
}

/**
 * Reads a user's `StateSnapshot` from the database: traits, start days, all-time and hourly event
 * counts of the user and their account, and the progress recorded so far (a user without an
 * account keeps account milestones under their own subject). Reads only.
 */
export async function readUserSnapshot(sql: Pick<Sql, 'query'>, appId: string, actor: string, now: number): Promise<StoredUserSnapshot> {
  const since = new Date((Math.floor(now / hourMs) - snapshotHorizonHours + 1) * hourMs).toISOString();
  const snapshot = emptySnapshot();

  const { rows: users } = await sql.query<{
    account_id: string | null;
    traits: Record<string, unknown>;
    trusted_traits: Record<string, unknown>;
    first_seen: Date | string;
  }>('select account_id, traits, trusted_traits, first_seen from users where app_id = $1 and actor = $2', [appId, actor]);
  const user = users[0];
  const accountId = user?.account_id ?? null;
  if (user)
    snapshot.user = {
      events: await counters(sql, appId, 'actor', actor, since),
      traits: user.traits,
      trustedTraits: user.trusted_traits,
      startedAt: new Date(user.first_seen).getTime(),
    };
  if (accountId !== null) {
    // The account's lifecycle stage, from its summary, is served as the account fact `$stage`
    // (docs/metrics.md#lifecycle-stage), so audiences can use it.
    const { rows } = await sql.query<{
      traits: Record<string, unknown>;
      trusted_traits: Record<string, unknown>;
      first_seen: Date | string;
      stage: string | null;
    }>(
      `select a.traits, a.trusted_traits, a.first_seen, s.stage from accounts a left join account_summaries s on s.app_id = a.app_id and s.account_id = a.account_id
       where a.app_id = $1 and a.account_id = $2`,
      [appId, accountId],
    );
    const account = rows[0];
    snapshot.account = {
      events: await counters(sql, appId, 'account_id', accountId, since),
      traits: withStageFact(account?.traits ?? {}, account?.stage),
      trustedTraits: account?.trusted_traits ?? {},
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

  const { rows: recorded } = await sql.query<{ kind: string; key: string }>('select kind, key from progress where app_id = $1 and subject = any($2::text[])', [
    appId,
    progressSubjects(actor, accountId),
  ]);
  for (const r of recorded) {
    if (r.kind === 'milestone' && !snapshot.milestones.includes(r.key)) snapshot.milestones.push(r.key);
    if (r.kind === 'checklist' && !snapshot.completed.includes(r.key)) snapshot.completed.push(r.key);
    if (r.kind === 'item') {
      const [checklist = '', item = ''] = r.key.split('/');
      snapshot.items[checklist] = [...(snapshot.items[checklist] ?? []), item];
    }
  }
  return { snapshot, accountId };
}

/** The progress subjects of a user: their own, and their account's (their own again when they have none). */
export function progressSubjects(actor: string, accountId: string | null): [user: string, account: string] {
  const user = userSubject(actor);
  return [user, accountId === null ? user : accountSubject(accountId)];
}

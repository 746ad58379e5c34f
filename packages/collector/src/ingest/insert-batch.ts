import type { Sql } from '../db/sql.js';
import type { AccountUpsert, KnownEntities, UserUpsert } from './known-entities.js';
import type { EventRow } from './prepare-batch.js';

/** One request's valid rows, for one app. */
export interface BatchInput {
  appId: string;
  rows: readonly EventRow[];
  /** When the collector received the request (ISO). */
  receivedAt: string;
  /** Messages the sender reports it dropped (full offline queue). */
  dropped?: number;
}

const byKey = <T>(map: Map<string, T>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/** Folds the messages into one upsert per user and per account (traits merged in time order). */
function entities(batches: readonly BatchInput[]): { users: UserUpsert[]; accounts: AccountUpsert[] } {
  const users = new Map<string, UserUpsert>();
  const accounts = new Map<string, AccountUpsert>();
  const ordered: Array<{ appId: string; row: EventRow }> = [];
  for (const b of batches) for (const row of b.rows) ordered.push({ appId: b.appId, row });
  ordered.sort((a, b) => (a.row.ts < b.row.ts ? -1 : a.row.ts > b.row.ts ? 1 : 0));
  for (const { appId, row: r } of ordered) {
    const userKey = `${appId}\u0000${r.actor}`;
    const u = users.get(userKey) ?? {
      app_id: appId,
      actor: r.actor,
      user_id: null,
      anonymous_id: null,
      account_id: null,
      traits: {},
      trusted_traits: {},
      traits_at: null,
      first_seen: r.ts,
    };
    u.user_id = r.user_id ?? u.user_id;
    u.anonymous_id = r.anonymous_id ?? u.anonymous_id;
    u.account_id = r.account_id ?? u.account_id;
    if (r.type === 'identify' && r.traits) {
      Object.assign(u.traits, r.traits);
      if (r.trusted) Object.assign(u.trusted_traits, r.traits);
      u.traits_at = r.ts;
    }
    users.set(userKey, u);
    if (r.account_id !== null) {
      const accountKey = `${appId}\u0000${r.account_id}`;
      const a = accounts.get(accountKey) ?? { app_id: appId, account_id: r.account_id, traits: {}, trusted_traits: {}, traits_at: null, first_seen: r.ts };
      if (r.type === 'group' && r.traits) {
        Object.assign(a.traits, r.traits);
        if (r.trusted) Object.assign(a.trusted_traits, r.traits);
        a.traits_at = r.ts;
      }
      accounts.set(accountKey, a);
    }
  }
  return { users: byKey(users), accounts: byKey(accounts) };
}

/**
 * The rows of all batches as one JSON array for jsonb_to_recordset, each row with its batch's app
 * and receive time. Written around each row's own JSON instead of copying every row into a new
 * object first: this runs for every stored event.
 */
function rowsJson(batches: readonly BatchInput[]): string {
  const parts: string[] = [];
  for (const b of batches) {
    const head = `{"app_id":${JSON.stringify(b.appId)},"received_at":${JSON.stringify(b.receivedAt)},`;
    // A row always has fields, so its JSON is "{" followed by at least one field.
    for (const row of b.rows) parts.push(head + JSON.stringify(row).slice(1));
  }
  return `[${parts.join(',')}]`;
}

/**
 * The update of a user or account row (`alias`) on conflict: newer traits win, an older message
 * arriving late only fills keys that are missing; first seen only moves earlier.
 */
const mergeTraitsAndFirstSeen = (alias: string): string => `traits = case when excluded.traits_at is null then ${alias}.traits
                  when ${alias}.traits_at is null or excluded.traits_at >= ${alias}.traits_at then ${alias}.traits || excluded.traits
                  else excluded.traits || ${alias}.traits end,
    trusted_traits = case when excluded.traits_at is null or excluded.trusted_traits = '{}' then ${alias}.trusted_traits
                  when ${alias}.traits_at is null or excluded.traits_at >= ${alias}.traits_at then ${alias}.trusted_traits || excluded.trusted_traits
                  else excluded.trusted_traits || ${alias}.trusted_traits end,
    traits_at = greatest(${alias}.traits_at, excluded.traits_at),
    first_seen = least(${alias}.first_seen, excluded.first_seen)`;

/*
 * One statement, so it is one transaction (for one request, or several merged by the batch
 * writer): the raw insert and every rollup commit together or
 * not at all. Rollups are fed only from rows actually inserted (`ins`), so a resent message is
 * never counted twice.
 *
 * Built to let concurrent batches run side by side: usage is appended to usage_deltas, already
 * aggregated per (account, user, event key, day), with no index and no row locks; users and
 * accounts are written only when something about them changed (new, traits, account, an earlier
 * first-seen), read first without locks; upserts are ordered by key.
 * Traits: newer traits win; older ones (a late retry) only fill keys that are missing.
 * Every user with a newly stored event is queued in progress_pending, for the progress-settling job.
 */
const statement = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as x(
    app_id text, received_at timestamptz, message_id text, type text, event text, event_key text, user_id text, anonymous_id text, actor text,
    account_id text, ts timestamptz, sent_at timestamptz, ts_source text, properties jsonb, traits jsonb, context jsonb)
),
resolved as (
  select i.*, coalesce(i.account_id, (select u.account_id from users u where u.app_id = i.app_id and u.actor = i.actor)) as acct
  from input i
),
ins as (
  insert into events (app_id, message_id, type, event, event_key, user_id, anonymous_id, actor, account_id, ts, received_at, sent_at, ts_source, properties, traits, context)
  select app_id, message_id, type, event, event_key, user_id, anonymous_id, actor, acct, ts, received_at, sent_at, ts_source, properties, traits, context
  from resolved
  on conflict (app_id, message_id) do nothing
  returning app_id, message_id, event_key, actor, account_id, ts
),
usage as (
  insert into usage_deltas (app_id, account_id, actor, event_key, day, count, first_seen, last_seen)
  select app_id, coalesce(account_id, ''), actor, event_key, (ts at time zone 'UTC')::date, count(*), min(ts), max(ts)
  from ins where event_key is not null
  group by 1, 2, 3, 4, 5
  returning 1
),
users_up as (
  insert into users as u (app_id, actor, user_id, anonymous_id, account_id, traits, trusted_traits, traits_at, first_seen)
  select x.app_id, x.actor, x.user_id, x.anonymous_id, x.account_id, coalesce(x.traits, '{}'), coalesce(x.trusted_traits, '{}'), x.traits_at, x.first_seen
  from jsonb_to_recordset($2::jsonb) as x(app_id text, actor text, user_id text, anonymous_id text, account_id text, traits jsonb, trusted_traits jsonb, traits_at timestamptz, first_seen timestamptz)
  where x.traits_at is not null or not exists (
    select 1 from users old where old.app_id = x.app_id and old.actor = x.actor and old.first_seen <= x.first_seen
      and (x.account_id is null or x.account_id = old.account_id)
      and (x.user_id is null or old.user_id is not null) and (x.anonymous_id is null or old.anonymous_id is not null))
  order by x.app_id, x.actor
  on conflict (app_id, actor) do update set
    user_id = coalesce(excluded.user_id, u.user_id),
    anonymous_id = coalesce(excluded.anonymous_id, u.anonymous_id),
    account_id = coalesce(excluded.account_id, u.account_id),
    ${mergeTraitsAndFirstSeen('u')}
  returning 1
),
accounts_up as (
  insert into accounts as a (app_id, account_id, traits, trusted_traits, traits_at, first_seen)
  select x.app_id, x.account_id, coalesce(x.traits, '{}'), coalesce(x.trusted_traits, '{}'), x.traits_at, x.first_seen
  from jsonb_to_recordset($3::jsonb) as x(app_id text, account_id text, traits jsonb, trusted_traits jsonb, traits_at timestamptz, first_seen timestamptz)
  where x.traits_at is not null or not exists (
    select 1 from accounts old where old.app_id = x.app_id and old.account_id = x.account_id and old.first_seen <= x.first_seen)
  order by x.app_id, x.account_id
  on conflict (app_id, account_id) do update set
    ${mergeTraitsAndFirstSeen('a')}
  returning 1
),
pending as (
  insert into progress_pending (app_id, actor)
  select distinct app_id, actor from ins order by 1, 2
  on conflict do nothing
  returning 1
),
drops as (
  insert into ingest_drops as d (app_id, day, dropped)
  select x.app_id, (x.received_at at time zone 'UTC')::date, sum(x.dropped)
  from jsonb_to_recordset($4::jsonb) as x(app_id text, received_at timestamptz, dropped bigint)
  group by 1, 2 order by 1, 2
  on conflict (app_id, day) do update set dropped = d.dropped + excluded.dropped
  returning 1
)
select app_id, message_id from ins
`;

/**
 * Stores the valid rows of one or more requests, with their rollups, in one atomic statement,
 * and returns for each request the message ids newly stored (the others were already there:
 * duplicates). Resolves only after commit. Message ids must be unique per app across `batches`.
 * With `known`, users and accounts it knows to be stored already are not written again.
 */
export async function insertBatches(sql: Pick<Sql, 'query'>, batches: readonly BatchInput[], known?: KnownEntities): Promise<Array<Set<string>>> {
  const drops = batches.filter((b) => b.dropped).map((b) => ({ app_id: b.appId, received_at: b.receivedAt, dropped: b.dropped }));
  if (batches.every((b) => b.rows.length === 0) && drops.length === 0) return batches.map(() => new Set());
  const all = entities(batches);
  const users = known ? known.usersToWrite(all.users) : all.users;
  const accounts = known ? known.accountsToWrite(all.accounts) : all.accounts;
  const startedAt = known?.now() ?? 0;
  const result = await sql.query<{ app_id: string; message_id: string }>(
    statement,
    [rowsJson(batches), JSON.stringify(users), JSON.stringify(accounts), JSON.stringify(drops)],
    { prepare: 'waymark_insert_batches' },
  );
  known?.remember(users, accounts, startedAt);
  const stored = new Set(result.rows.map((r) => `${r.app_id}\u0000${r.message_id}`));
  return batches.map((b) => new Set(b.rows.filter((r) => stored.has(`${b.appId}\u0000${r.message_id}`)).map((r) => r.message_id)));
}

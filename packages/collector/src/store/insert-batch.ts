import type { Sql } from '../db/sql.js';
import type { EventRow } from './prepare-batch.js';

interface UserUpsert {
  actor: string;
  user_id: string | null;
  anonymous_id: string | null;
  account_id: string | null;
  traits: Record<string, unknown>;
  traits_at: string | null;
  first_seen: string;
  last_seen: string;
}

interface AccountUpsert {
  account_id: string;
  traits: Record<string, unknown>;
  traits_at: string | null;
  first_seen: string;
  last_seen: string;
}

const byKey = <T>(map: Map<string, T>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/** Folds the batch's messages into one upsert per user and per account (traits merged in time order). */
function entities(rows: readonly EventRow[]): { users: UserUpsert[]; accounts: AccountUpsert[] } {
  const users = new Map<string, UserUpsert>();
  const accounts = new Map<string, AccountUpsert>();
  const ordered = [...rows].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  for (const r of ordered) {
    const u = users.get(r.actor) ?? { actor: r.actor, user_id: null, anonymous_id: null, account_id: null, traits: {}, traits_at: null, first_seen: r.ts, last_seen: r.ts };
    u.user_id = r.user_id ?? u.user_id;
    u.anonymous_id = r.anonymous_id ?? u.anonymous_id;
    u.account_id = r.account_id ?? u.account_id;
    u.last_seen = r.ts;
    if (r.type === 'identify' && r.traits) {
      Object.assign(u.traits, r.traits);
      u.traits_at = r.ts;
    }
    users.set(r.actor, u);
    if (r.account_id !== null) {
      const a = accounts.get(r.account_id) ?? { account_id: r.account_id, traits: {}, traits_at: null, first_seen: r.ts, last_seen: r.ts };
      a.last_seen = r.ts;
      if (r.type === 'group' && r.traits) {
        Object.assign(a.traits, r.traits);
        a.traits_at = r.ts;
      }
      accounts.set(r.account_id, a);
    }
  }
  return { users: byKey(users), accounts: byKey(accounts) };
}

/*
 * One statement, so it is one transaction: the raw insert and every rollup commit together or
 * not at all. Rollups are fed only from rows actually inserted (`ins`), so a resent message is
 * never counted twice. Upserts are ordered by key so concurrent batches lock rows in the same
 * order. Traits: newer traits win; older ones (a late retry) only fill keys that are missing.
 */
const statement = `
with input as (
  select * from jsonb_to_recordset($2::jsonb) as x(
    message_id text, type text, event text, event_key text, user_id text, anonymous_id text, actor text,
    account_id text, ts timestamptz, sent_at timestamptz, ts_source text, properties jsonb, traits jsonb, context jsonb)
),
resolved as (
  select i.*, coalesce(i.account_id, u.account_id) as acct
  from input i left join users u on u.app_id = $1 and u.actor = i.actor
),
ins as (
  insert into events (app_id, message_id, type, event, event_key, user_id, anonymous_id, actor, account_id, ts, received_at, sent_at, ts_source, properties, traits, context)
  select $1, message_id, type, event, event_key, user_id, anonymous_id, actor, acct, ts, $3, sent_at, ts_source, properties, traits, context
  from resolved
  on conflict (app_id, message_id) do nothing
  returning message_id, event_key, actor, account_id, ts
),
user_counts as (
  insert into user_event_counts as c (app_id, actor, event_key, count, first_seen, last_seen)
  select $1, actor, event_key, count(*), min(ts), max(ts) from ins where event_key is not null
  group by actor, event_key order by actor, event_key
  on conflict (app_id, actor, event_key) do update set
    count = c.count + excluded.count, first_seen = least(c.first_seen, excluded.first_seen), last_seen = greatest(c.last_seen, excluded.last_seen)
  returning 1
),
account_counts as (
  insert into account_event_counts as c (app_id, account_id, event_key, count, first_seen, last_seen)
  select $1, account_id, event_key, count(*), min(ts), max(ts) from ins where event_key is not null and account_id is not null
  group by account_id, event_key order by account_id, event_key
  on conflict (app_id, account_id, event_key) do update set
    count = c.count + excluded.count, first_seen = least(c.first_seen, excluded.first_seen), last_seen = greatest(c.last_seen, excluded.last_seen)
  returning 1
),
daily as (
  insert into account_daily_users (app_id, account_id, day, actor)
  select distinct $1, account_id, (ts at time zone 'UTC')::date, actor from ins
  where event_key is not null and account_id is not null
  order by 2, 3, 4
  on conflict do nothing
  returning 1
),
users_up as (
  insert into users as u (app_id, actor, user_id, anonymous_id, account_id, traits, traits_at, first_seen, last_seen)
  select $1, x.actor, x.user_id, x.anonymous_id, x.account_id, coalesce(x.traits, '{}'), x.traits_at, x.first_seen, x.last_seen
  from jsonb_to_recordset($4::jsonb) as x(actor text, user_id text, anonymous_id text, account_id text, traits jsonb, traits_at timestamptz, first_seen timestamptz, last_seen timestamptz)
  on conflict (app_id, actor) do update set
    user_id = coalesce(excluded.user_id, u.user_id),
    anonymous_id = coalesce(excluded.anonymous_id, u.anonymous_id),
    account_id = coalesce(excluded.account_id, u.account_id),
    traits = case when excluded.traits_at is null then u.traits
                  when u.traits_at is null or excluded.traits_at >= u.traits_at then u.traits || excluded.traits
                  else excluded.traits || u.traits end,
    traits_at = greatest(u.traits_at, excluded.traits_at),
    first_seen = least(u.first_seen, excluded.first_seen),
    last_seen = greatest(u.last_seen, excluded.last_seen)
  returning 1
),
accounts_up as (
  insert into accounts as a (app_id, account_id, traits, traits_at, first_seen, last_seen)
  select $1, x.account_id, coalesce(x.traits, '{}'), x.traits_at, x.first_seen, x.last_seen
  from jsonb_to_recordset($5::jsonb) as x(account_id text, traits jsonb, traits_at timestamptz, first_seen timestamptz, last_seen timestamptz)
  on conflict (app_id, account_id) do update set
    traits = case when excluded.traits_at is null then a.traits
                  when a.traits_at is null or excluded.traits_at >= a.traits_at then a.traits || excluded.traits
                  else excluded.traits || a.traits end,
    traits_at = greatest(a.traits_at, excluded.traits_at),
    first_seen = least(a.first_seen, excluded.first_seen),
    last_seen = greatest(a.last_seen, excluded.last_seen)
  returning 1
),
drops as (
  insert into ingest_drops as d (app_id, day, dropped)
  select $1, ($3::timestamptz at time zone 'UTC')::date, $6::bigint where $6::bigint > 0
  on conflict (app_id, day) do update set dropped = d.dropped + excluded.dropped
  returning 1
)
select message_id from ins
`;

/**
 * Stores a batch's valid rows with their rollups in one atomic statement and returns the ids
 * newly stored (the others were already there: duplicates). Resolves only after commit.
 */
export async function insertBatch(
  sql: Pick<Sql, 'query'>,
  input: { appId: string; rows: readonly EventRow[]; receivedAt: string; dropped?: number },
): Promise<Set<string>> {
  if (input.rows.length === 0 && !input.dropped) return new Set();
  const { users, accounts } = entities(input.rows);
  const { rows } = await sql.query<{ message_id: string }>(statement, [
    input.appId,
    JSON.stringify(input.rows),
    input.receivedAt,
    JSON.stringify(users),
    JSON.stringify(accounts),
    input.dropped ?? 0,
  ]);
  return new Set(rows.map((r) => r.message_id));
}

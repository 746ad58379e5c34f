/** One schema change, applied once, in order. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * The schema. Every table leads with `app_id` (and `account_id` where it has one) so it can
 * be distributed by app later (Citus); the same SQL runs on PostgreSQL and PGlite.
 *
 * The event counters (`*_event_counts`) hold partial aggregates: each batch appends its own
 * rows in the transaction of its raw insert, and readers sum them. Appending takes no row
 * locks, so concurrent batches for the same account never wait for each other; a background
 * task (compact-rollups) merges the partial rows into one per key.
 */
export const migrations: readonly Migration[] = [
  {
    id: 1,
    name: 'apps, raw events and usage rollups',
    sql: `
create table apps (
  app_id text primary key,
  name text not null,
  public_key text not null unique,
  secret_key_hash text not null unique,
  origins text[] not null default '{}',
  created_at timestamptz not null default now(),
  keys_rotated_at timestamptz
);

create table events (
  app_id text not null,
  message_id text not null,
  type text not null,
  event text,
  event_key text,
  user_id text,
  anonymous_id text,
  actor text not null,
  account_id text,
  ts timestamptz not null,
  received_at timestamptz not null,
  sent_at timestamptz,
  ts_source text not null,
  properties jsonb,
  traits jsonb,
  context jsonb,
  primary key (app_id, message_id)
);
create index events_account_ts on events (app_id, account_id, ts);
create index events_actor_ts on events (app_id, actor, ts);

create table users (
  app_id text not null,
  actor text not null,
  user_id text,
  anonymous_id text,
  account_id text,
  traits jsonb not null default '{}',
  traits_at timestamptz,
  first_seen timestamptz not null,
  primary key (app_id, actor)
);
create index users_account on users (app_id, account_id);

create table accounts (
  app_id text not null,
  account_id text not null,
  traits jsonb not null default '{}',
  traits_at timestamptz,
  first_seen timestamptz not null,
  primary key (app_id, account_id)
);

create table user_event_counts (
  app_id text not null,
  actor text not null,
  event_key text not null,
  count bigint not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  compacted boolean not null default false
);
create index user_event_counts_key on user_event_counts (app_id, actor, event_key);
create index user_event_counts_fresh on user_event_counts (app_id, actor, event_key) where not compacted;

create table account_event_counts (
  app_id text not null,
  account_id text not null,
  event_key text not null,
  count bigint not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  compacted boolean not null default false
);
create index account_event_counts_key on account_event_counts (app_id, account_id, event_key);
create index account_event_counts_fresh on account_event_counts (app_id, account_id, event_key) where not compacted;

create table account_daily_users (
  app_id text not null,
  account_id text not null,
  day date not null,
  actor text not null,
  primary key (app_id, account_id, day, actor)
);

create table ingest_drops (
  app_id text not null,
  day date not null,
  dropped bigint not null,
  primary key (app_id, day)
);
`,
  },
];

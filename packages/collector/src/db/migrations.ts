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
 * Usage rollups are kept per (app, account, user, event key): per-account figures are sums over
 * the account's users. See the comment on usage_deltas for how they are written.
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

-- Usage rollups. Each ingest statement appends its pre-aggregated rows to usage_deltas (no
-- indexes: appending is cheap and takes no locks) in the transaction of its raw insert. A
-- background task folds the deltas into usage_counts and account_daily_users; readers use the
-- views below, which add the deltas not folded yet, so every read is exact at all times.
create table usage_deltas (
  app_id text not null,
  account_id text not null,
  actor text not null,
  event_key text not null,
  day date not null,
  count bigint not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null
);

create table usage_counts (
  app_id text not null,
  account_id text not null,
  actor text not null,
  event_key text not null,
  count bigint not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  primary key (app_id, account_id, actor, event_key)
);
create index usage_counts_actor on usage_counts (app_id, actor);

create table account_daily_users (
  app_id text not null,
  account_id text not null,
  day date not null,
  actor text not null,
  primary key (app_id, account_id, day, actor)
);

create view usage_all as
  select app_id, account_id, actor, event_key, count, first_seen, last_seen from usage_counts
  union all
  select app_id, account_id, actor, event_key, count, first_seen, last_seen from usage_deltas;

create view daily_active_all as
  select app_id, account_id, day, actor from account_daily_users
  union
  select app_id, account_id, day, actor from usage_deltas where account_id <> '';

create table ingest_drops (
  app_id text not null,
  day date not null,
  dropped bigint not null,
  primary key (app_id, day)
);
`,
  },
  {
    id: 2,
    name: 'config versions, identity verification, recorded progress',
    sql: `
-- The secret key itself, kept so the collector can verify userHash = HMAC-SHA256(secret, userId)
-- (see docs/collector.md, security notes). Null for apps whose secret predates this migration
-- until it is rotated. secret_key_hash stays the lookup key.
alter table apps add column secret_key text;
alter table apps add column require_user_hash boolean not null default false;

-- Config versions: linear history per app; the current config is the highest version.
-- document is the JSON as pushed (jsonb, for "same as the current one" checks), source the same
-- JSON text with the author's key order (what pull returns), config the validated document with
-- defaults filled in, as the exact text served to the SDK (the ETag covers these bytes).
create table app_configs (
  app_id text not null,
  version integer not null,
  document jsonb not null,
  source text not null,
  config text not null,
  etag text not null,
  created_at timestamptz not null default now(),
  note text,
  restored_from integer,
  primary key (app_id, version)
);

-- Progress recorded once reached (milestones, checklist items, checklists), so it is never taken
-- back when a windowed condition stops holding. subject is 'user:<actor>' or 'account:<id>'.
create table progress (
  app_id text not null,
  subject text not null,
  kind text not null,
  key text not null,
  reached_at timestamptz not null,
  primary key (app_id, subject, kind, key)
);
`,
  },
  {
    id: 3,
    name: 'gate overrides and their log',
    sql: `
-- A CSM's decision on a gate for a whole account or one user: 'unlock' or 'lock'. The user's
-- override wins over the account's, and both win over the gate's unlock condition. Clearing an
-- override deletes its row.
create table gate_overrides (
  app_id text not null,
  gate_key text not null,
  scope text not null check (scope in ('account', 'user')),
  subject_id text not null,
  state text not null check (state in ('unlock', 'lock')),
  set_by text not null,
  set_at timestamptz not null,
  primary key (app_id, gate_key, scope, subject_id)
);

-- Every change to gate_overrides, append-only: who set what when, and what it was before
-- (state null: cleared; previous_state null: there was no override).
create table gate_override_log (
  app_id text not null,
  id bigserial,
  gate_key text not null,
  scope text not null,
  subject_id text not null,
  state text,
  previous_state text,
  set_by text not null,
  set_at timestamptz not null,
  primary key (app_id, id)
);
create index gate_override_log_gate on gate_override_log (app_id, gate_key, set_at);
`,
  },
  {
    id: 4,
    name: 'stuck users',
    sql: `
-- Users stuck on a checklist item, from the SDK's 'User Stuck' events, kept by markStuckUsers.
-- first_stuck_at is the first of those events since the item was last completed (or ever);
-- marked_at is set once the user is still stuck after the item's nudge's escalate.afterDays;
-- cleared_at once the item is done. reason is the latest event's.
create table stuck_users (
  app_id text not null,
  actor text not null,
  checklist text not null,
  item text not null,
  account_id text,
  reason text not null,
  first_stuck_at timestamptz not null,
  last_stuck_at timestamptz not null,
  marked_at timestamptz,
  cleared_at timestamptz,
  primary key (app_id, actor, checklist, item)
);
create index stuck_users_open on stuck_users (app_id, account_id, marked_at) where marked_at is not null and cleared_at is null;

-- The sweep reads only these two events of an app; a partial index keeps that small.
create index events_stuck_items on events (app_id, event, actor) where event in ('User Stuck', 'Checklist Item Completed');
`,
  },
  {
    id: 5,
    name: 'CSM users, their apps, sessions and login attempts',
    sql: `
-- People who use the dashboard. Not per app, so not distributed: on Citus these small tables
-- would be reference tables. Emails are stored lower-cased and unique regardless of case.
-- password_hash is "scrypt$N$r$p$salt$hash" (base64url), so the cost can be raised later.
create table csm_users (
  id text primary key,
  email text not null,
  name text not null,
  role text not null check (role in ('admin', 'csm')),
  password_hash text not null,
  created_at timestamptz not null,
  disabled_at timestamptz
);
create unique index csm_users_email on csm_users (lower(email));

-- The apps a 'csm' may read; admins see every app without rows here.
create table csm_app_access (
  user_id text not null,
  app_id text not null,
  granted_at timestamptz not null,
  primary key (user_id, app_id)
);
create index csm_app_access_app on csm_app_access (app_id);

-- id is the SHA-256 (hex) of the random token; the token itself is only in the browser's cookie.
create table csm_sessions (
  id text primary key,
  user_id text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index csm_sessions_user on csm_sessions (user_id);

-- Login attempts, for throttling by email and by client IP; rows older than a day are pruned.
create table csm_login_attempts (
  email text not null,
  ip text not null,
  at timestamptz not null,
  succeeded boolean not null
);
create index csm_login_attempts_email on csm_login_attempts (email, at);
create index csm_login_attempts_ip on csm_login_attempts (ip, at);
create index csm_login_attempts_at on csm_login_attempts (at);
`,
  },
];

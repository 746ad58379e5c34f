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
  {
    id: 6,
    name: 'account analytics: summaries, daily health, flags, milestones, alert outbox',
    sql: `
-- Per-account analytics, written by the summariser (store/summarise-accounts.ts), never by ingest.
-- One row per account: what the portfolio lists and sorts. traits_md5 and first_seen are what
-- the summary was computed from (a change makes the account due again); next_day_at is when the
-- account's next calendar day starts (the summary is due again then, events or not).
create table account_summaries (
  app_id text not null,
  account_id text not null,
  name text not null,
  start_at timestamptz not null,
  time_zone text,
  day integer not null,
  phase text not null,
  owner text,
  segment text,
  seats numeric,
  health integer,
  band text,
  health_change_7d integer,
  driver text,
  components jsonb not null default '{}',
  metrics jsonb not null default '{}',
  series jsonb not null default '{}',
  trend jsonb not null default '[]',
  flags jsonb not null default '[]',
  flag_kinds text[] not null default '{}',
  next_goal text,
  next_goal_day integer,
  next_goal_due date,
  traits_md5 text not null,
  first_seen timestamptz not null,
  next_day_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (app_id, account_id)
);
create index account_summaries_health on account_summaries (app_id, health, account_id);
create index account_summaries_day on account_summaries (app_id, day, account_id);
create index account_summaries_owner on account_summaries (app_id, owner);
create index account_summaries_segment on account_summaries (app_id, segment);
create index account_summaries_due on account_summaries (next_day_at);

-- The health of each account day (day = account day, date = its calendar date in the account's zone).
create table account_health_daily (
  app_id text not null,
  account_id text not null,
  day integer not null,
  date date not null,
  health integer,
  band text,
  components jsonb not null,
  primary key (app_id, account_id, day)
);

-- Early-warning flags: one row per raising; cleared_at is set when it no longer holds.
create table account_flags (
  app_id text not null,
  account_id text not null,
  flag text not null,
  kind text not null,
  since timestamptz not null,
  cleared_at timestamptz,
  detail jsonb not null default '{}',
  primary key (app_id, account_id, flag, since)
);
create index account_flags_open on account_flags (app_id, account_id) where cleared_at is null;

-- Each config milestone of each account, with the day reached against its target day.
create table account_milestones (
  app_id text not null,
  account_id text not null,
  milestone text not null,
  reached_at timestamptz,
  day_reached integer,
  target_day integer,
  status text not null,
  primary key (app_id, account_id, milestone)
);

-- Flag transitions for the webhook dispatcher, appended in the summariser's transaction (the
-- transactional outbox pattern): kind 'flag.raised' or 'flag.cleared'; payload holds the account's
-- day, health and band at the time. Readers page by id; rows are never updated here.
create table alert_outbox (
  id bigserial,
  app_id text not null,
  account_id text not null,
  kind text not null check (kind in ('flag.raised', 'flag.cleared')),
  flag text not null,
  payload jsonb not null,
  created_at timestamptz not null,
  primary key (app_id, id)
);
create index alert_outbox_id on alert_outbox (id);

-- Accounts whose usage changed since the summariser last looked: written by rollup compaction
-- (off the ingest path), consumed by the summariser.
create table account_touches (
  app_id text not null,
  account_id text not null,
  touched_at timestamptz not null,
  primary key (app_id, account_id)
);

-- The summariser's watermark (the last run's clock), for progress, stuck users and configs changed since.
create table summariser_state (
  name text primary key,
  ran_at timestamptz not null
);

-- Milestones recorded since the last run, and guide/checklist funnel reads.
create index progress_milestones_reached on progress (reached_at) where kind = 'milestone';
create index events_guide_funnel on events (app_id, event) where event in ('Guide Started', 'Guide Step Viewed', 'Guide Completed', 'Guide Dismissed', 'Guide Errored');
`,
  },
  {
    id: 7,
    name: 'webhooks, their deliveries, success plans',
    sql: `
-- Where alerts go: an https URL (http only to localhost, for development), signed with secret
-- (HMAC-SHA256, see docs/alerts.md). events lists the event types sent (empty: all). A 410 answer
-- sets disabled_at; disabled subscriptions get nothing.
create table webhook_subscriptions (
  app_id text not null,
  id text not null,
  url text not null,
  secret text not null,
  format text not null check (format in ('json', 'slack')),
  events text[] not null default '{}',
  created_by text not null,
  created_at timestamptz not null,
  disabled_at timestamptz,
  disabled_reason text,
  primary key (app_id, id)
);

-- One event for one subscription, with its body as first built (body) and where its delivery
-- stands: status 'pending' (next_attempt_at says when), 'delivered' or 'failed' (attempts
-- exhausted, the subscription disabled or deleted). event_id is unique per subscription, so
-- fanning out the same event again adds nothing.
create table webhook_deliveries (
  app_id text not null,
  id text not null,
  subscription_id text not null,
  event_id text not null,
  event text not null,
  body jsonb not null,
  status text not null check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  response_code integer,
  error text,
  created_at timestamptz not null,
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  primary key (app_id, id),
  unique (app_id, subscription_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_subscription on webhook_deliveries (app_id, subscription_id, created_at);

-- Every attempt of every delivery: when, the HTTP status (null when none came back), the error, how long.
create table webhook_attempts (
  app_id text not null,
  delivery_id text not null,
  attempt integer not null,
  at timestamptz not null,
  response_code integer,
  error text,
  duration_ms integer not null,
  primary key (app_id, delivery_id, attempt)
);

-- How far the dispatcher has read the alert outbox, per app (the last outbox id fanned out).
create table webhook_cursors (
  app_id text primary key,
  outbox_id bigint not null
);

-- An account's own success plan, once a CSM edits it (until then it follows the config's default
-- for its segment). goals: [{ milestone, dueDay, owner?, note? }].
create table success_plans (
  app_id text not null,
  account_id text not null,
  goals jsonb not null,
  updated_by text not null,
  updated_at timestamptz not null,
  primary key (app_id, account_id)
);

-- Every edit of a success plan, append-only: who, when, the goals after and before (null: the default).
create table success_plan_log (
  app_id text not null,
  id bigserial,
  account_id text not null,
  goals jsonb,
  previous_goals jsonb,
  set_by text not null,
  set_at timestamptz not null,
  primary key (app_id, id)
);
create index success_plan_log_account on success_plan_log (app_id, account_id, set_at);
`,
  },
  {
    id: 8,
    name: 'progress timed from the events: recorded_at and source',
    sql: `
-- reached_at is when progress was reached (what every analytic reads); recorded_at is when the row
-- was last written (the summariser's watermark); source says where reached_at comes from:
--   'read'    GET /v1/state saw it hold: the read time, an upper bound not checked yet
--   'checked' a 'read' row the summariser checked against the events and found nothing earlier
--   'events'  the summariser's replay of the conditions over the stored events (exact)
--   'sdk'     the SDK's own event (client time), for conditions the events cannot time (traits)
-- Rows from before this migration are 'read', so the summariser checks them once.
alter table progress add column recorded_at timestamptz;
update progress set recorded_at = reached_at;
alter table progress alter column recorded_at set not null;
alter table progress alter column recorded_at set default now();
alter table progress add column source text not null default 'read';
drop index progress_milestones_reached;
create index progress_read on progress (recorded_at) where source = 'read';

-- The SDK's onboarding events per account, for timing progress and nudge effectiveness.
create index events_onboarding_progress on events (app_id, account_id, ts)
  where event in ('Milestone Reached', 'Checklist Item Completed', 'Checklist Completed', 'Nudge Shown');
`,
  },
  {
    id: 9,
    name: 'events of an account by event key, for the summariser',
    sql: `
-- The summariser replays the config's conditions over an account's events of the keys they count
-- (settle-account-progress.ts) every time an account with progress still open is due. Through
-- events_account_ts that read every event of the account from the heap (~140 ms for an account
-- with 10,000 events in bench/summaries); with the key in the index and actor included it is an
-- index-only scan of the rows it needs (~5 ms).
create index events_account_key on events (app_id, account_id, event_key, ts) include (actor);
`,
  },
  {
    id: 10,
    name: 'lifecycle stage and health reason on account summaries; flag history from the timeline',
    sql: `
-- stage: the account's lifecycle stage (onboarding, adopting, adopted, at-risk, graduated);
-- reason: the health driver in words ("no one active for 12 days").
alter table account_summaries add column stage text;
alter table account_summaries add column reason text;
create index account_summaries_stage on account_summaries (app_id, stage);
-- account_flags now holds every stretch each flag held, recomputed from the daily series by the
-- summariser (detail: milestone, facts and reason). Flags raised before this version were dated by
-- when the summariser saw them; they are replaced on the account's next summary.
`,
  },
  {
    id: 11,
    name: 'traits set by a trusted source',
    sql: `
-- trusted_traits: the traits as last set by a trusted source (a call with the secret key, or an
-- identify or group verified by the user's hash). Trait conditions with "trusted": true read
-- these, so a value typed into a browser console cannot unlock what depends on it.
alter table users add column trusted_traits jsonb not null default '{}';
alter table accounts add column trusted_traits jsonb not null default '{}';
`,
  },
  {
    id: 12,
    name: 'users whose progress is to be settled',
    sql: `
-- Ingest queues each user with newly stored events here, in the same statement as the events; the
-- progress-settling job (settle-pending-progress.ts) takes them off and records the milestones and
-- checklist items that newly hold, off the request path. One row per user however many batches
-- arrive before the job runs.
create table progress_pending (
  app_id text not null,
  actor text not null,
  queued_at timestamptz not null default now(),
  primary key (app_id, actor)
);
create index progress_pending_queued on progress_pending (queued_at);
`,
  },
  {
    id: 13,
    name: 'experience report reads',
    sql: `
-- The experiences report (experiences/) counts guides started by their trigger and announcements
-- seen, clicked and dismissed; like the guide funnel's, a partial index keeps those reads to these events.
create index events_experiences on events (app_id, event) where event in ('Experience Started', 'Announcement Seen', 'Announcement Clicked', 'Announcement Dismissed');
`,
  },
];

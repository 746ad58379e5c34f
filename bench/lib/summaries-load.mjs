import pg from 'pg';

/*
 * BENCH SETUP for bench/summaries.mjs, not the ingest path: builds, in the bench's own scratch
 * database, the rows ingest and the summariser would have left after months of traffic, with one
 * INSERT ... SELECT from generate_series per table:
 *
 * - accounts `acct_0000`…: started 0–119 days ago (spread by a hash, not by id), traits with name,
 *   seats, csmOwner, segment, createdAt, some with a time zone; each with its own pace of feature
 *   adoption (1–10 days per feature), breadth (2–6 of the six features), share of its seats that are
 *   active (40–100%) and quiet spell (75% active up to now, 15% quiet 1–6 days, 10% 7–30 days);
 * - users `u<account>_<n>` (identify traits), joining their account over its first half;
 * - events: account picked in proportion to its intensity × days active (so older and busier
 *   accounts have more), user among its active seats, time in one of the user's 10–49 sessions
 *   (so users are active on different days), 72% track / 20% page / 5% identify / 3% group as
 *   the SDK sends; a track event is one of the features the account has adopted by then;
 * - the rollups ingest and compaction write (usage_counts, account_daily_users) computed from those
 *   events, and the account milestones as the summariser records them (source 'events', timed by
 *   the event that crossed the threshold).
 *
 * Speed: the indexes and primary keys of the tables it fills are dropped first and rebuilt after
 * (two connections in parallel), synchronous_commit is off for these sessions, per-account and
 * per-user parameters are precomputed in small unlogged tables and joined by integer key, and the
 * events are generated on two connections at once. Then VACUUM (ANALYZE), so autovacuum does not
 * start on 10 million fresh rows during the measurements. Nothing outside this database is touched.
 */

const loadedTables = ['events', 'users', 'accounts', 'usage_counts', 'account_daily_users', 'progress'];
const features = ['Project Created', 'Task Added', 'Teammate Invited', 'Report Exported', 'Dashboard Viewed', 'Integration Connected'];
const pages = ['Dashboard', 'Projects', 'Reports', 'Settings', 'Team', 'Integrations'];
// Milestones of the bench config: event and the count that reaches it (as summaries.mjs configures them).
export const benchMilestones = [
  ['first-project', 'Project Created', 1],
  ['team-formed', 'Teammate Invited', 3],
  ['reporting', 'Report Exported', 5],
];

/** A pseudo-random integer in [0, 2^31) from an integer SQL expression and a salt (PostgreSQL's own hash of bigints). */
const mix = (expr, salt) => `(hashint8((${expr})::bigint * 64 + ${salt}) & 2147483647)`;
/** The same as a float in [0, 1). */
const unit = (expr, salt) => `(${mix(expr, salt)}::float8 / 2147483648.0::float8)`;

async function connect(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '1GB'; set max_parallel_maintenance_workers = 0`);
  return c;
}

/** Runs `jobs` (functions of a client) on `clients`, each client taking the next job when free. */
async function onClients(clients, jobs) {
  let next = 0;
  await Promise.all(
    clients.map(async (c) => {
      while (next < jobs.length) await jobs[next++](c);
    }),
  );
}

/**
 * Loads `accounts` accounts, `usersPerAccount` users each and about `events` events for `appId`
 * into the database at `url` (migrated, empty). Returns timings of the phases, in ms.
 */
export async function loadSummariesData({ url, appId, now, accounts, usersPerAccount, events, progress = () => {} }) {
  const clients = [await connect(url), await connect(url)];
  const [c] = clients;
  const phases = {};
  const phase = async (name, fn) => {
    const t = performance.now();
    await fn();
    phases[name] = performance.now() - t;
    progress(`  ${name}: ${(phases[name] / 1000).toFixed(1)} s`);
  };
  const nowIso = new Date(now).toISOString();
  const U = usersPerAccount;
  try {
    // Indexes and keys of the filled tables, to rebuild after the load.
    const { rows: constraints } = await c.query(
      `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
       where contype in ('p', 'u') and conrelid = any($1::regclass[])`,
      [loadedTables],
    );
    const { rows: indexes } = await c.query(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
       where i.indrelid = any($1::regclass[]) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
      [loadedTables],
    );
    await phase('drop indexes', async () => {
      for (const k of constraints) await c.query(`alter table ${k.tbl} drop constraint ${k.conname}`);
      for (const i of indexes) await c.query(`drop index ${i.name}`);
    });

    await phase('accounts and users', async () => {
      await c.query(`drop table if exists bench_a, bench_u, bench_pick`);
      // Per-account parameters. age: days since start; quiet: days since its last activity.
      await c.query(
        `create unlogged table bench_a as
         select a, 'acct_' || lpad(a::text, 4, '0') as account_id, age, hours,
                case when q < 75 or age < 10 then 0 when q < 90 then 1 + q % 6 else least(age - 3, 7 + q % 24) end as quiet,
                2 + ${mix('a', 11)} % 5 as breadth, 1 + ${mix('a', 12)} % 10 as pace,
                greatest(3, round(${U} * (0.4 + 0.6 * ${unit('a', 13)})))::int as active_users,
                0.3 + 1.7 * ${unit('a', 14)} as intensity,
                (array[null, null, null, null, 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', null])[1 + ${mix('a', 15)} % 8] as tz
         from (select a, ${mix('a', 16)} % 120 as age, ${mix('a', 17)} % 24 as hours, ${mix('a', 18)} % 100 as q from generate_series(0, $1::int - 1) a) x`,
        [accounts],
      );
      await c.query(`alter table bench_a add column start_at timestamptz, add column span_s float8, add column weight float8`);
      await c.query(
        `update bench_a set start_at = $1::timestamptz - age * interval '1 day' - hours * interval '1 hour',
           span_s = extract(epoch from (age * interval '1 day' + hours * interval '1 hour' - quiet * interval '1 day'))`,
        [nowIso],
      );
      await c.query(`update bench_a set weight = intensity * greatest(span_s, 3600)`);
      // 100,000 buckets mapping a uniform number to an account, in proportion to its weight.
      await c.query(
        `create unlogged table bench_pick as
         select b, w.a from (select a, sum(weight) over (order by a) - weight as lo, sum(weight) over (order by a) as hi, sum(weight) over () as total from bench_a) w,
           generate_series(round(w.lo / w.total * 100000)::int, round(w.hi / w.total * 100000)::int - 1) b`,
      );
      // Per-user parameters: joins over the first half of the account's active span, 10–49 sessions.
      await c.query(
        `create unlogged table bench_u as
         select a.a * ${U} + j as k, a.a, j, 'u' || a.a || '_' || j as actor,
                case when j < 3 then 0 else 0.5 * ${unit(`a.a * ${U} + j`, 21)} end as joined, 10 + ${mix(`a.a * ${U} + j`, 22)} % 40 as sessions
         from bench_a a, generate_series(0, ${U} - 1) j`,
      );
      await c.query(`analyze bench_a; analyze bench_u; analyze bench_pick`);
      await c.query(
        `insert into accounts (app_id, account_id, traits, traits_at, first_seen)
         select $1, account_id,
                jsonb_strip_nulls(jsonb_build_object('name', 'Account ' || a, 'seats', 20 + a % 60, 'csmOwner', 'csm' || (a % 8) || '@bench.test',
                  'segment', (array['smb','mid','enterprise'])[1 + a % 3], 'plan', (array['starter','team','business'])[1 + a % 3], 'timezone', tz,
                  'createdAt', to_char(start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
                start_at, start_at
         from bench_a`,
        [appId],
      );
      await c.query(
        `insert into users (app_id, actor, user_id, account_id, traits, traits_at, first_seen)
         select $1, u.actor, u.actor, a.account_id,
                jsonb_build_object('email', u.actor || '@bench.test', 'name', 'User ' || u.actor, 'role', (array['admin','member','member','viewer'])[1 + u.j % 4]),
                a.start_at + u.joined * a.span_s * interval '1 second', a.start_at + u.joined * a.span_s * interval '1 second'
         from bench_u u join bench_a a on a.a = u.a`,
        [appId],
      );
    });

    await phase('events', async () => {
      const chunk = 500_000;
      const jobs = [];
      for (let from = 0; from < events; from += chunk) {
        const to = Math.min(events, from + chunk) - 1;
        jobs.push(async (client) => {
          // r: type; the account from the buckets; the user among its active seats; a session; a moment in it; a feature.
          await client.query(
            `insert into events (app_id, message_id, type, event, event_key, user_id, actor, account_id, ts, received_at, ts_source)
             select $1, 'm' || i, type, ev, case type when 'track' then ev when 'page' then '$page' end, actor, actor, account_id, ts, ts, 'client'
             from (
               select p.i, p.type, u.actor, a.account_id, a.start_at + t.at_s * interval '1 second' as ts,
                      case p.type when 'track' then ($2::text[])[1 + p.f % least(a.breadth, 1 + floor(t.at_s / 86400.0 / a.pace)::int)]
                                  when 'page' then ($3::text[])[1 + p.f % 6] end as ev
               from (
                 select i, case when r < 72 then 'track' when r < 92 then 'page' when r < 97 then 'identify' else 'group' end as type,
                        ${mix('i', 2)} % 100000 as bucket, ${mix('i', 3)} as ru, ${mix('i', 4)} as rs, ${unit('i', 5)} as rt, ${mix('i', 6)} as f
                 from (select i, ${mix('i', 1)} % 100 as r from generate_series($4::bigint, $5::bigint) i) g
               ) p
               join bench_pick b on b.b = p.bucket
               join bench_a a on a.a = b.a
               join bench_u u on u.k = a.a * ${U} + p.ru % a.active_users
               cross join lateral (select least(a.span_s, a.span_s * (u.joined + (1 - u.joined) * ${unit(`u.k * 64 + p.rs % u.sessions`, 7)}) + 5400 * p.rt) as at_s) t
             ) x`,
            [appId, features, pages, from, to],
          );
          progress(`  events ${(to + 1).toLocaleString('en-US')}`);
        });
      }
      await onClients(clients, jobs);
    });

    await phase('rollups and milestones', async () => {
      await onClients(clients, [
        (client) =>
          client.query(
            `insert into usage_counts (app_id, account_id, actor, event_key, count, first_seen, last_seen)
             select app_id, account_id, actor, event_key, count(*), min(ts), max(ts) from events where app_id = $1 and event_key is not null group by 1, 2, 3, 4`,
            [appId],
          ),
        (client) =>
          client.query(
            `insert into account_daily_users (app_id, account_id, day, actor)
             select distinct app_id, account_id, (ts at time zone 'UTC')::date, actor from events where app_id = $1 and event_key is not null`,
            [appId],
          ),
        (client) =>
          client.query(
            `insert into progress (app_id, subject, kind, key, reached_at, recorded_at, source)
             select $1, 'account:' || account_id, 'milestone', m.key, x.ts, x.ts, 'events'
             from (select account_id, event, ts, row_number() over (partition by account_id, event order by ts) as n
                   from events where app_id = $1 and event = any($2::text[])) x
             join (select * from jsonb_to_recordset($3::jsonb) as m(key text, event text, count int)) m on m.event = x.event and m.count = x.n`,
            [appId, benchMilestones.map((m) => m[1]), JSON.stringify(benchMilestones.map(([key, event, count]) => ({ key, event, count })))],
          ),
      ]);
    });

    await phase('rebuild indexes', async () => {
      // Biggest first, so the two connections finish together.
      // Keys as unique indexes first (CREATE INDEX takes a SHARE lock, so two run side by side on one table), then attached.
      const rank = (tbl, partial) => (tbl === 'events' ? (partial ? 1 : 2) : 0);
      const jobs = [
        ...constraints.map((k) => {
          const [, kind, columns] = /^(PRIMARY KEY|UNIQUE) \((.*)\)$/.exec(k.def);
          return {
            rank: rank(k.tbl, false),
            sql: `create unique index ${k.conname} on ${k.tbl} (${columns})`,
            after: `alter table ${k.tbl} add constraint ${k.conname} ${kind} using index ${k.conname}`,
          };
        }),
        ...indexes.map((i) => ({ rank: rank(/ ON public\.(\w+) /.exec(i.def)?.[1], i.def.includes(' WHERE ')), sql: i.def })),
      ].sort((a, b) => b.rank - a.rank);
      await onClients(
        clients,
        jobs.map((j) => (client) => client.query(j.sql)),
      );
      for (const j of jobs) if (j.after) await c.query(j.after);
    });

    await phase('vacuum analyze', async () => {
      await c.query('drop table bench_a, bench_u, bench_pick');
      await onClients(
        clients,
        loadedTables.map((t) => (client) => client.query(`vacuum (analyze) ${t}`)),
      );
      await c.query('analyze');
    });
    return phases;
  } finally {
    await Promise.all(clients.map((x) => x.end()));
  }
}

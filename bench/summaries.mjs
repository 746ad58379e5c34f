// Account analytics benchmark: 1,000 accounts, 50,000 users and 10 million events on PostgreSQL;
// the summariser's first full run, then the CSM reads over HTTP (median of repeated calls), then
// ingest throughput while the summariser keeps up.
// Run from the repository root after `pnpm build`: `node bench/summaries.mjs` (or `pnpm bench:summaries`).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate, openPgSql, putConfig } from '@waymark/collector';
import { validateConfig } from '../packages/core/dist/index.js';
// Not part of the collector's public API; the bench calls the summariser once directly to time it.
import { summariseAccounts } from '../packages/collector/dist/summaries/summarise-accounts.js';
import { createCurrentConfigReader } from '../packages/collector/dist/store/current-config.js';
import { createBenchApp, startCollectorProcess } from './lib/collector-process.mjs';
import { createMessageFactory } from './lib/message-factory.mjs';
import { runHttpLoad } from './lib/http-load.mjs';
import { createScratchDatabase } from './lib/scratch-database.mjs';

const { values: flags } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    users: { type: 'string', default: '50000' },
    events: { type: 'string', default: '10000000' },
    calls: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const accounts = Number(flags.accounts);
const usersPerAccount = Math.round(Number(flags.users) / accounts);
const events = Number(flags.events);
const calls = Number(flags.calls);
const progress = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const features = ['Project Created', 'Task Added', 'Teammate Invited', 'Report Exported', 'Dashboard Viewed', 'Integration Connected'];

const config = {
  version: 1,
  features: [
    { key: 'projects', name: 'Projects', tier: 'basic', events: ['Project Created'] },
    { key: 'tasks', name: 'Tasks', tier: 'basic', events: ['Task Added'] },
    { key: 'team', name: 'Team', tier: 'basic', events: ['Teammate Invited'] },
    { key: 'reports', name: 'Reports', tier: 'advanced', events: ['Report Exported'] },
  ],
  milestones: [
    { key: 'first-project', name: 'First project', scope: 'account', targetDay: 3, firstValue: true, condition: { event: 'Project Created', scope: 'account' } },
    { key: 'team-formed', name: 'Team formed', scope: 'account', targetDay: 14, condition: { event: 'Teammate Invited', scope: 'account', count: { gte: 3 } } },
    { key: 'reporting', name: 'Reporting', scope: 'account', targetDay: 30, condition: { event: 'Report Exported', scope: 'account', count: { gte: 5 } } },
  ],
  checklists: [],
  guides: [],
};

async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

/*
 * BENCH SETUP, not the ingest path: rows are generated with generate_series straight into the
 * tables ingest writes (events, users, accounts, the rollups usage_counts and account_daily_users,
 * and progress for milestones), so 10 million events load in about a minute instead of hours.
 * Accounts start over the last 120 days; each event falls on a day between the account's start and now.
 */
async function load(client, appId, now) {
  const nowIso = new Date(now).toISOString();
  await client.query(
    `insert into accounts (app_id, account_id, traits, traits_at, first_seen)
     select $1, 'acct_' || a, jsonb_build_object('name', 'Account ' || a, 'seats', 20 + a % 60, 'csmOwner', 'csm' || (a % 8) || '@bench.test',
              'segment', (array['smb','mid','enterprise'])[1 + a % 3], 'createdAt', to_char(($2::timestamptz - (a % 120) * interval '1 day') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
            $2::timestamptz - (a % 120) * interval '1 day', $2::timestamptz - (a % 120) * interval '1 day'
     from generate_series(0, $3 - 1) a`,
    [appId, nowIso, accounts],
  );
  await client.query(
    `insert into users (app_id, actor, user_id, account_id, traits, first_seen)
     select $1, 'u' || a || '_' || u, 'u' || a || '_' || u, 'acct_' || a, '{}', $2::timestamptz - (a % 120) * interval '1 day'
     from generate_series(0, $3 - 1) a, generate_series(0, $4 - 1) u`,
    [appId, nowIso, accounts, usersPerAccount],
  );
  // Event i: account i % A, user (i / A) % U; age-scaled day; each account uses its own slice of the features.
  const chunk = 1_000_000;
  for (let from = 0; from < events; from += chunk) {
    await client.query(
      `insert into events (app_id, message_id, type, event, event_key, user_id, actor, account_id, ts, received_at, ts_source)
       select $1, 'm' || i, 'track', e, e, actor, actor, acct, ts, ts, 'client'
       from (
         select i, 'acct_' || (i % $4) as acct, 'u' || (i % $4) || '_' || ((i / $4) % $5) as actor,
                (array['Project Created','Task Added','Teammate Invited','Report Exported','Dashboard Viewed','Integration Connected'])[1 + (i / 7) % (2 + (i % $4) % 5)] as e,
                $2::timestamptz - ((i % $4) % 120) * interval '1 day'
                  + (((i * 2654435761) % 1000003) / 1000003.0 * least(((i % $4) % 120), 89 - (i % $4) % 17)) * interval '1 day' as ts
         from generate_series($6::bigint, $7::bigint) i
       ) x where ts <= $3::timestamptz`,
      [appId, nowIso, nowIso, accounts, usersPerAccount, from, Math.min(events, from + chunk) - 1],
    );
    progress(`  events ${Math.min(events, from + chunk).toLocaleString('en-US')}`);
  }
  await client.query(
    `insert into usage_counts (app_id, account_id, actor, event_key, count, first_seen, last_seen)
     select app_id, account_id, actor, event_key, count(*), min(ts), max(ts) from events where app_id = $1 group by 1, 2, 3, 4`,
    [appId],
  );
  await client.query(
    `insert into account_daily_users (app_id, account_id, day, actor)
     select distinct app_id, account_id, (ts at time zone 'UTC')::date, actor from events where app_id = $1`,
    [appId],
  );
  await client.query(
    `insert into progress (app_id, subject, kind, key, reached_at)
     select $1, 'account:' || account_id, 'milestone', m.key, min(ts) from events e
     join (values ('first-project', 'Project Created'), ('team-formed', 'Teammate Invited'), ('reporting', 'Report Exported')) m(key, event) on m.event = e.event
     where e.app_id = $1 group by 2, 4`,
    [appId],
  );
  await client.query('analyze');
}

async function main() {
  const db = await createScratchDatabase(flags['database-url']);
  const env = { DATABASE_URL: db.url };
  const rows = [];
  let collector;
  try {
    const sql = await openPgSql({ connectionString: db.url, max: 8 });
    await migrate(sql);
    const keys = await createBenchApp(env);
    const validated = validateConfig(config);
    if (!validated.ok) throw new Error(`bench config: ${JSON.stringify(validated.errors)}`);
    await putConfig(sql, keys.appId, { document: config, config: validated.config });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const now = Date.now();
    progress(`loading ${accounts} accounts, ${accounts * usersPerAccount} users, ${events.toLocaleString('en-US')} events (bench setup, SQL)…`);
    const loaded = await timed(() => load(client, keys.appId, now));
    const { rows: counted } = await client.query('select count(*)::int as n from events');
    rows.push(['bench setup: load (generate_series)', `${(loaded.ms / 1000).toFixed(1)} s`, `${counted[0].n.toLocaleString('en-US')} events`]);
    progress('summarising every account…');
    const first = await timed(() => summariseAccounts(sql, Date.now(), createCurrentConfigReader(sql), { concurrency: 4 }));
    rows.push(['summariser, first run (all accounts)', `${(first.ms / 1000).toFixed(1)} s`, `${first.result.accounts} accounts`]);
    const again = await timed(() => summariseAccounts(sql, Date.now(), createCurrentConfigReader(sql), { concurrency: 4 }));
    rows.push(['summariser, a round with nothing new', `${again.ms.toFixed(0)} ms`, `${again.result.accounts} accounts`]);
    await sql.close();

    collector = await startCollectorProcess(env);
    const auth = { authorization: `Bearer ${keys.secretKey}` };
    const measure = async (label, path, target) => {
      const times = [];
      for (let i = 0; i < calls + 2; i++) {
        const started = performance.now();
        const res = await fetch(`${collector.url}${path(i)}`, { headers: auth });
        await res.text();
        if (res.status !== 200) throw new Error(`${path(i)}: ${res.status}`);
        if (i >= 2) times.push(performance.now() - started);
      }
      const m = median(times);
      rows.push([label, `${m.toFixed(1)} ms`, `target ≤ ${target} ms ${m <= target ? 'ok' : 'MISSED'}`]);
    };
    await measure('portfolio page (50, sorted by health)', (i) => `/v1/admin/portfolio?sort=health&limit=50&page=${1 + (i % 5)}`, 200);
    await measure('account summary', (i) => `/v1/admin/accounts/acct_${(i * 37) % accounts}`, 50);
    await measure('cohort curves (90 days)', () => '/v1/admin/cohorts?days=90', 500);

    const ingest = async (url) => {
      const factory = createMessageFactory({ seed: 16, accounts: 200, users: 2000 });
      const r = await runHttpLoad({ url, secretKey: keys.secretKey, concurrency: Number(flags.concurrency), warmupSeconds: 3, seconds: Number(flags.seconds), batchSize: 50, makeBody: (n) => factory.body(n) });
      return r.eventsPerSecond;
    };
    progress('ingest with the summariser running…');
    const withSummaries = await ingest(collector.url);
    await collector.stop();
    progress('ingest with the summariser off (same database, same machine)…');
    collector = await startCollectorProcess({ ...env, WAYMARK_SUMMARISE_EVERY_MS: String(24 * 3_600_000) });
    const without = await ingest(collector.url);
    const fmt = (n) => `${Math.round(n).toLocaleString('en-US')} events/s`;
    rows.push([`ingest, HTTP, ${flags.concurrency} conns, summariser off`, fmt(without), `foundation: 17,950 on its machine`]);
    rows.push([`ingest, HTTP, ${flags.concurrency} conns, summariser every 10 s`, fmt(withSummaries), `${((withSummaries / without) * 100).toFixed(0)}% of summariser off (floor 80%)`]);
    const c2 = new pg.Client({ connectionString: db.url });
    await c2.connect();
    const { rows: fresh } = await c2.query(`select count(*)::int as n, max(updated_at) as at from account_summaries where updated_at > now() - interval '90 seconds'`);
    rows.push(['summaries refreshed during the ingest run', `${fresh[0].n}`, 'accounts updated in the last 90 s']);
    await c2.end();
    await client.end();
  } finally {
    await collector?.stop();
    await db.drop();
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
  console.log(`| ${['what', 'result', 'note'].map((h, i) => h.padEnd(widths[i])).join(' | ')} |`);
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
}

await main();

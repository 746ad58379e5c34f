// Account analytics benchmark: 1,000 accounts, 50,000 users and 10 million events on PostgreSQL;
// the summariser's first full run, then the CSM reads over HTTP (median of repeated calls), then
// ingest throughput while the summariser keeps up.
// Run from the repository root after `pnpm build`: `node bench/summaries.mjs` (or `pnpm bench:summaries`).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate, openPgSql, putConfig } from '@waymark/collector';
import { validateConfig } from '../packages/core/dist/index.js';
// Not part of the collector's public API; the bench calls the summariser once directly to time it.
import { summariseAccounts } from '../packages/collector/dist/analytics/summarise-accounts.js';
import { createCurrentConfigReader } from '../packages/collector/dist/config/current-config.js';
import { compactRollups } from '../packages/collector/dist/ingest/compact-rollups.js';
import { createBenchApp, startCollectorProcess } from './lib/collector-process.mjs';
import { createMessageFactory } from './lib/message-factory.mjs';
import { runHttpLoad } from './lib/http-load.mjs';
import { createScratchDatabase } from './lib/scratch-database.mjs';
import { loadSummariesData } from './lib/summaries-load.mjs';
import { defaultDatabaseUrl } from './lib/bench-flags.mjs';

const { values: flags } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    users: { type: 'string', default: '50000' },
    events: { type: 'string', default: '10000000' },
    calls: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '16' },
    // events/s of the foundation's collector on this machine (bench/ingest.mjs at --concurrency 16 on
    // a checkout of that build, run next to this one); numbers from another day or machine do not compare.
    foundation: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: defaultDatabaseUrl },
  },
});
if (flags.foundation !== undefined && !(Number(flags.foundation) > 0)) throw new Error(`--foundation must be events per second, got "${flags.foundation}"`);
const accounts = Number(flags.accounts);
const usersPerAccount = Math.round(Number(flags.users) / accounts);
const events = Number(flags.events);
const calls = Number(flags.calls);
const progress = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const config = {
  version: 1,
  features: [
    { key: 'projects', name: 'Projects', tier: 'basic', events: ['Project Created'] },
    { key: 'tasks', name: 'Tasks', tier: 'basic', events: ['Task Added'] },
    { key: 'team', name: 'Team', tier: 'basic', events: ['Teammate Invited'] },
    { key: 'reports', name: 'Reports', tier: 'advanced', events: ['Report Exported'] },
  ],
  milestones: [
    {
      key: 'first-project',
      name: 'First project',
      scope: 'account',
      targetDay: 3,
      firstValue: true,
      condition: { event: 'Project Created', scope: 'account' },
    },
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

/** Idle share of the machine's CPU over `ms` (from /proc/stat). */
async function idleShare(ms = 3000) {
  const read = () => {
    const values = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: values.reduce((a, b) => a + b, 0), idle: values[3] + values[4] };
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  return (b.idle - a.idle) / Math.max(1, b.total - a.total);
}

/** Waits (up to `maxMinutes`) until the machine is at least 85% idle, so the timings are not another program's. */
async function waitForQuiet(maxMinutes = 15) {
  const until = Date.now() + maxMinutes * 60_000;
  for (;;) {
    const idle = await idleShare();
    if (idle >= 0.85 || Date.now() > until) return idle;
    progress(`  machine busy (${(idle * 100).toFixed(0)}% idle); waiting…`);
    await new Promise((r) => setTimeout(r, 10_000));
  }
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const accountId = (n) => `acct_${String(n % accounts).padStart(4, '0')}`;

/*
 * A steady-state round: what ingest leaves for the summariser after a few seconds of traffic.
 * `touched` accounts each get 10 events of one of their users (as POST /v1/batch writes them: the
 * event and its usage delta), compaction folds the deltas (as the collector does every second, which
 * notes the accounts in account_touches), then one round runs.
 */
async function touchAccounts(client, appId, touched, round) {
  await client.query(
    `with picked as (
       select a.account_id, (select actor from users u where u.app_id = $1 and u.account_id = a.account_id order by actor limit 1) as actor
       from accounts a where a.app_id = $1 order by md5(a.account_id || $3) limit $2),
     ins as (
       insert into events (app_id, message_id, type, event, event_key, user_id, actor, account_id, ts, received_at, ts_source)
       select $1, 'touch-' || $3 || '-' || p.account_id || '-' || n, 'track', 'Task Added', 'Task Added', p.actor, p.actor, p.account_id, now(), now(), 'client'
       from picked p, generate_series(1, 10) n
       returning account_id, actor, event_key, ts)
     insert into usage_deltas (app_id, account_id, actor, event_key, day, count, first_seen, last_seen)
     select $1, account_id, actor, event_key, (ts at time zone 'UTC')::date, count(*), min(ts), max(ts) from ins group by 2, 3, 4, 5`,
    [appId, touched, String(round)],
  );
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
    const loaded = await timed(() => loadSummariesData({ url: db.url, appId: keys.appId, now, accounts, usersPerAccount, events, progress }));
    const { rows: counted } = await client.query(
      `select (select count(*)::int from events) as events, (select count(*)::int from users) as users, (select count(*)::int from accounts) as accounts,
              (select count(*)::int from usage_counts) as usage, (select count(*)::int from account_daily_users) as daily, (select count(*)::int from progress) as progress,
              pg_size_pretty(pg_total_relation_size('events')) as size`,
    );
    const c0 = counted[0];
    const phases = Object.entries(loaded.result)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} s`)
      .join(', ');
    rows.push([
      'bench setup: load (SQL, generate_series)',
      `${(loaded.ms / 1000).toFixed(1)} s`,
      `${c0.events.toLocaleString('en-US')} events (${c0.size} with indexes), ${c0.users.toLocaleString('en-US')} users, ${c0.accounts} accounts, ${c0.usage.toLocaleString('en-US')} usage rows, ${c0.daily.toLocaleString('en-US')} daily rows, ${c0.progress} milestones; ${phases}`,
    ]);

    const idleBefore = await waitForQuiet();
    progress(`summarising every account… (machine ${(idleBefore * 100).toFixed(0)}% idle)`);
    const reader = createCurrentConfigReader(sql);
    const first = await timed(() => summariseAccounts(sql, Date.now(), reader, { concurrency: 4 }));
    rows.push([
      'summariser, first run (all accounts)',
      `${(first.ms / 1000).toFixed(1)} s`,
      `${first.result.accounts} accounts, ${(first.ms / Math.max(1, first.result.accounts)).toFixed(1)} ms each (4 at a time)`,
    ]);
    const again = await timed(() => summariseAccounts(sql, Date.now(), reader, { concurrency: 2 }));
    rows.push(['summariser, a round with nothing new', `${again.ms.toFixed(0)} ms`, `${again.result.accounts} accounts`]);
    const touched = Math.min(200, accounts);
    const steady = [];
    for (let round = 0; round < 3; round++) {
      await touchAccounts(client, keys.appId, touched, round);
      await compactRollups(sql);
      await client.query('vacuum usage_deltas');
      const r = await timed(() => summariseAccounts(sql, Date.now(), reader, { concurrency: 2 }));
      steady.push({ ms: r.ms, n: r.result.accounts });
    }
    const steadyMs = median(steady.map((r) => r.ms));
    rows.push([
      `summariser, steady round (${touched} accounts touched)`,
      `${steadyMs.toFixed(0)} ms`,
      `median of 3 rounds (${steady.map((r) => `${r.ms.toFixed(0)} ms/${r.n}`).join(', ')}); 2 at a time as in serve; ${(steadyMs / touched).toFixed(1)} ms per account`,
    ]);
    await sql.close();

    const idleReads = await waitForQuiet();
    rows.push([
      'machine idle before the timings',
      `${(idleBefore * 100).toFixed(0)}% / ${(idleReads * 100).toFixed(0)}%`,
      'before the summariser runs / before the HTTP reads (waits up to 15 min for ≥ 85%)',
    ]);
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
      rows.push([
        label,
        `${m.toFixed(1)} ms (p95 ${pct(times, 95).toFixed(1)})`,
        target ? `target ≤ ${target} ms ${m <= target ? 'ok' : 'MISSED'}` : 'no target',
      ]);
    };
    await measure('portfolio, first page (50, sorted by health)', () => '/v1/admin/portfolio?sort=health&limit=50', 200);
    await measure('portfolio, pages 1–5 (50, sorted by health)', (i) => `/v1/admin/portfolio?sort=health&limit=50&page=${1 + (i % 5)}`, 200);
    await measure(
      'portfolio, filtered (owner, day ≤ 90, by day)',
      (i) => `/v1/admin/portfolio?owner=csm${i % 8}%40bench.test&dayMax=90&sort=day&limit=50`,
      200,
    );
    await measure('portfolio, filtered (band red, by change)', () => '/v1/admin/portfolio?band=red&sort=change&limit=50', 200);
    await measure('account summary', (i) => `/v1/admin/accounts/${accountId(i * 37)}`, 50);
    await measure('account users (first 100)', (i) => `/v1/admin/accounts/${accountId(i * 37)}/users`, undefined);
    await measure('cohort curves (90 days, 26 weeks)', () => '/v1/admin/cohorts?days=90', 500);

    // The factory's 200 accounts are acct_0000…acct_0199, accounts of the loaded data: the summariser keeps those up to date.
    const ingest = async (url) => {
      const nextBody = createMessageFactory({ seed: 16, accounts: Math.min(200, accounts), users: 2000 }).bodies(50);
      const r = await runHttpLoad({
        url,
        secretKey: keys.secretKey,
        concurrency: Number(flags.concurrency),
        warmupSeconds: 3,
        seconds: Number(flags.seconds),
        batchSize: 50,
        makeBody: nextBody,
      });
      if (r.errors > 0) throw new Error(`ingest: ${r.errors} errors, first ${JSON.stringify(r.firstError)}`);
      return r.eventsPerSecond;
    };
    await collector.stop();
    const off = async () => {
      collector = await startCollectorProcess({ ...env, WAYMARK_SUMMARISE_EVERY_MS: String(24 * 3_600_000) });
      const r = await ingest(collector.url);
      await collector.stop();
      return r;
    };
    const idleIngest = await waitForQuiet();
    rows.push(['machine idle before ingest', `${(idleIngest * 100).toFixed(0)}%`, '']);
    progress('ingest with the summariser off…');
    const offBefore = await off();
    progress('ingest with the summariser running (every 10 s)…');
    collector = await startCollectorProcess(env);
    const ingestStarted = new Date();
    const withSummaries = await ingest(collector.url);
    await new Promise((r) => setTimeout(r, 1500));
    await collector.stop();
    progress('ingest with the summariser off, again…');
    const offAfter = await off();
    const without = (offBefore + offAfter) / 2;
    const fmt = (n) => `${Math.round(n).toLocaleString('en-US')} events/s`;
    rows.push([
      `ingest, HTTP, ${flags.concurrency} conns, summariser off`,
      fmt(without),
      `mean of a run before (${fmt(offBefore)}) and after (${fmt(offAfter)})`,
    ]);
    const foundation = flags.foundation === undefined ? undefined : Number(flags.foundation);
    const versus = (base, label) => `${((withSummaries / base) * 100).toFixed(0)}% of ${label} ${withSummaries >= 0.8 * base ? 'ok' : 'MISSED'} (floor 80%)`;
    rows.push([
      `ingest, HTTP, ${flags.concurrency} conns, summariser every 10 s`,
      fmt(withSummaries),
      [versus(without, 'summariser off'), ...(foundation ? [versus(foundation, `the foundation's ${fmt(foundation)} (--foundation)`)] : [])].join('; '),
    ]);
    const { rows: fresh } = await client.query(`select count(*)::int as n from account_summaries where updated_at >= $1`, [ingestStarted.toISOString()]);
    rows.push(['summaries refreshed during that run', `${fresh[0].n}`, `accounts recomputed while ingest ran (the load writes to ${Math.min(200, accounts)})`]);
    await client.end();
  } finally {
    await collector?.stop();
    if (flags.keep) progress(`kept the database: ${db.url}`);
    else await db.drop();
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
  console.log(`| ${['what', 'result', 'note'].map((h, i) => h.padEnd(widths[i])).join(' | ')} |`);
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
}

await main();

// Ingest benchmark: POST /v1/batch through a collector child process on PostgreSQL and on
// PGlite, against the ceiling of inserting the same rows straight into `events`.
// Run from the repository root: `pnpm bench:ingest` (builds first) or `node bench/ingest.mjs --help`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openPgSql, openPgliteSql } from '@waymark/collector';
// Not part of the collector's public API; the ceiling uses it so its rows are exactly the collector's.
import { prepareBatch } from '../packages/collector/dist/ingest/prepare-batch.js';
import { createMessageFactory } from './lib/message-factory.mjs';
import { runHttpLoad } from './lib/http-load.mjs';
import { createRowSource, runCeiling } from './lib/ceiling.mjs';
import { startCpuSampler } from './lib/cpu-sampler.mjs';
import { createBenchApp, startCollectorProcess } from './lib/collector-process.mjs';
import { createScratchDatabase } from './lib/scratch-database.mjs';
import { benchFlags, defaultDatabaseUrl } from './lib/bench-flags.mjs';

const usage = `node bench/ingest.mjs [options]
  --seconds N            measured duration of each run (default 15)
  --warmup N             warm-up before each run, not measured (default 3)
  --concurrency LIST     HTTP connections to PostgreSQL, tried in turn (default 4,8,16,32)
  --pglite-concurrency N HTTP connections to PGlite (default 8)
  --batch N              messages per request and rows per small statement (default 50)
  --only LIST            any of pg,pglite,ceiling (default all three)
  --mix browser|server   who sends a batch: one person, as the script tag sends them (default
                         browser); or every message from a random person, as a server-side
                         library batching for many users sends them (server)
  --database-url URL     server to create scratch databases on (default $DATABASE_URL or
                         postgres://postgres@127.0.0.1:5432/test)`;

const flags = benchFlags(usage, {
  seconds: { type: 'string', default: '15' },
  warmup: { type: 'string', default: '3' },
  concurrency: { type: 'string', default: '4,8,16,32' },
  'pglite-concurrency': { type: 'string', default: '8' },
  batch: { type: 'string', default: '50' },
  only: { type: 'string', default: 'pg,pglite,ceiling' },
  mix: { type: 'string', default: 'browser' },
  'database-url': { type: 'string', default: defaultDatabaseUrl },
});
const seconds = Number(flags.seconds);
const warmupSeconds = Number(flags.warmup);
const batchSize = Number(flags.batch);
const only = new Set(flags.only.split(','));
const adminUrl = flags['database-url'];
const results = [];
const progress = (text) => process.stderr.write(`${text}\n`);

async function countEvents(connectionString) {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return Number((await c.query('select count(*) as n from events')).rows[0].n);
  } finally {
    await c.end();
  }
}

/** CPU use over exactly the measured window (stopped by a timer, before connections close). */
function cpuWindow(childPid) {
  let resolve;
  const result = new Promise((r) => (resolve = r));
  return {
    result,
    start() {
      const sampler = startCpuSampler({ childPid });
      setTimeout(() => resolve(sampler.stop()), seconds * 1000);
    },
  };
}

function record(method, concurrency, r, expectedRows, rows, cpu) {
  const ok = r.errors === 0 && rows === expectedRows;
  results.push({ method, concurrency, ...r, rows, expectedRows, ok, cpu });
  progress(
    `  ${method} x${concurrency}: ${Math.round(r.eventsPerSecond)} events/s, rows ${rows}/${expectedRows}, errors ${r.errors}${r.firstError ? ` first: ${JSON.stringify(r.firstError)}` : ''}`,
  );
}

/** One HTTP run against a collector child process; storage is prepared by `setup`. */
async function httpRun(method, concurrency, setup) {
  const storage = await setup();
  let collector;
  try {
    const keys = await createBenchApp(storage.env);
    collector = await startCollectorProcess(storage.env);
    const nextBody = createMessageFactory({ seed: concurrency, mix: flags.mix }).bodies(batchSize);
    const cpu = cpuWindow(collector.pid);
    const r = await runHttpLoad({
      url: collector.url,
      secretKey: keys.secretKey,
      concurrency,
      warmupSeconds,
      seconds,
      batchSize,
      makeBody: nextBody,
      onMeasureStart: cpu.start,
      beforeClose: () => cpu.result,
    });
    if (storage.kind === 'pglite') await collector.stop();
    const rows = await storage.count();
    record(method, concurrency, r, r.accepted, rows, await cpu.result);
  } finally {
    await collector?.stop();
    await storage.drop();
  }
}

const postgresStorage = async () => {
  const db = await createScratchDatabase(adminUrl);
  return { kind: 'postgres', env: { DATABASE_URL: db.url }, count: () => countEvents(db.url), drop: () => db.drop() };
};

const pgliteStorage = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-bench-'));
  return {
    kind: 'pglite',
    env: { WAYMARK_DATA_DIR: dir },
    async count() {
      const sql = await openPgliteSql({ dataDir: dir, command: 'bench count' });
      try {
        return Number((await sql.query('select count(*) as n from events')).rows[0].n);
      } finally {
        await sql.close();
      }
    },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
};

async function ceilingRuns() {
  const db = await createScratchDatabase(adminUrl);
  try {
    // The collector's own migrations, so the table, its primary key and its indexes are identical.
    const sql = await openPgSql({ connectionString: db.url, max: 1 });
    await migrate(sql);
    await sql.close();
    const source = createRowSource({ factory: createMessageFactory({ seed: 7, mix: flags.mix }), prepareBatch, appId: 'app_bench' });
    const variants = [
      { method: 'copy', rowsPerStatement: batchSize, concurrency: 8 },
      { method: 'copy', rowsPerStatement: 5000, concurrency: 2 },
      { method: 'insert', rowsPerStatement: batchSize, concurrency: 8 },
      { method: 'insert', rowsPerStatement: 2000, concurrency: 2 },
    ];
    for (const v of variants) {
      progress(`ceiling: ${v.method} ${v.rowsPerStatement} rows/statement, ${v.concurrency} connections...`);
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query('truncate events');
      await admin.query('checkpoint');
      await admin.end();
      const cpu = cpuWindow();
      const r = await runCeiling({ connectionString: db.url, ...v, warmupSeconds, seconds, source, onMeasureStart: cpu.start, beforeClose: () => cpu.result });
      record(
        `ceiling: ${v.method === 'copy' ? 'COPY' : 'multi-row INSERT'}, ${v.rowsPerStatement} rows/stmt`,
        v.concurrency,
        r,
        r.inserted,
        await countEvents(db.url),
        await cpu.result,
      );
    }
  } finally {
    await db.drop();
  }
}

function printReport() {
  const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  const cpuText = (c) => (c ? `bench ${c.bench}% collector ${c.collector ?? '-'}% postgres ${c.postgres}% idle ${c.idle}% other+kernel ${c.other}%` : '');
  const header = ['method', 'conns', 'events/s', 'p50 ms', 'p99 ms', 'rows = accepted', 'CPU during the window (% of one core; idle: % of machine)'];
  const lines = results.map((r) => [
    r.method,
    String(r.concurrency),
    fmt(r.eventsPerSecond),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    r.ok ? `yes (${r.rows})` : `NO (${r.rows} vs ${r.expectedRows}, ${r.errors} errors)`,
    cpuText(r.cpu),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) =>
    cells
      .map((c, i) => (i === 0 || i >= 5 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(`\nWaymark ingest benchmark: ${batchSize} messages per request (${flags.mix} mix), ${seconds} s measured after ${warmupSeconds} s warm-up\n`);
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));

  const best = (prefix) => results.filter((r) => r.method.startsWith(prefix) && r.ok).sort((a, b) => b.eventsPerSecond - a.eventsPerSecond)[0];
  const httpPg = best('HTTP → PostgreSQL');
  const httpPglite = best('HTTP → PGlite');
  const ceiling = best('ceiling');
  console.log('');
  if (httpPg) console.log(`1. HTTP → collector → PostgreSQL: ${fmt(httpPg.eventsPerSecond)} events/s (${httpPg.concurrency} connections)`);
  if (httpPglite) console.log(`2. HTTP → collector → PGlite:     ${fmt(httpPglite.eventsPerSecond)} events/s (${httpPglite.concurrency} connections)`);
  if (ceiling) console.log(`3. ceiling, straight into events: ${fmt(ceiling.eventsPerSecond)} events/s (${ceiling.method})`);
  if (httpPg && ceiling) {
    const ratio = httpPg.eventsPerSecond / ceiling.eventsPerSecond;
    console.log(`\nHTTP-PostgreSQL / ceiling = ${(ratio * 100).toFixed(1)}%`);
    console.log(
      `target ≥ 30,000 events/s: ${httpPg.eventsPerSecond >= 30_000 ? 'met' : 'NOT met'}; target ≥ 50% of ceiling: ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
    );
  }
  if (results.some((r) => !r.ok)) console.log('\nSome runs failed verification (see the rows marked NO).');
}

if (only.has('pg')) {
  for (const c of flags.concurrency.split(',').map(Number)) {
    progress(`HTTP → PostgreSQL, ${c} connections...`);
    await httpRun('HTTP → PostgreSQL', c, postgresStorage);
  }
}
if (only.has('pglite')) {
  const c = Number(flags['pglite-concurrency']);
  progress(`HTTP → PGlite, ${c} connections...`);
  await httpRun('HTTP → PGlite', c, pgliteStorage);
}
if (only.has('ceiling')) await ceilingRuns();
printReport();
process.exitCode = results.every((r) => r.ok) ? 0 : 1;

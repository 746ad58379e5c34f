#!/usr/bin/env node
// The collector's ingest statement alone, without HTTP: rows made by the collector's own
// prepareBatch go through insertBatches on a scratch PostgreSQL database, with and without the
// batch writer's cache of known users and accounts. Prints events/s and the CPU PostgreSQL and
// this process spent per stored event. The variants take turns, so a machine that changes speed
// during the run affects each of them alike.
import { migrate, openPgSql } from '@waymark/collector';
// Not part of the collector's public API: the statement and the cache the batch writer uses.
import { prepareBatch } from '../packages/collector/dist/ingest/prepare-batch.js';
import { insertBatches } from '../packages/collector/dist/ingest/insert-batch.js';
import { createKnownEntities } from '../packages/collector/dist/ingest/known-entities.js';
import { createMessageFactory } from './lib/message-factory.mjs';
import { startCpuSampler } from './lib/cpu-sampler.mjs';
import { createScratchDatabase } from './lib/scratch-database.mjs';
import { benchFlags, defaultDatabaseUrl } from './lib/bench-flags.mjs';

const usage = `node bench/ingest-statement.mjs [options]
  --seconds N      measured duration of each run, after 2 s of warm-up (default 10)
  --rounds N       times each variant runs, taking turns (default 2)
  --rows N         rows per statement, as the batch writer merges them (default 200)
  --concurrency N  statements in flight (default 2)
  --database-url   server to create scratch databases on (default $DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)`;

const flags = benchFlags(usage, {
  seconds: { type: 'string', default: '10' },
  rounds: { type: 'string', default: '2' },
  rows: { type: 'string', default: '200' },
  concurrency: { type: 'string', default: '2' },
  'database-url': { type: 'string', default: defaultDatabaseUrl },
});
const seconds = Number(flags.seconds);
const rowsPerStatement = Number(flags.rows);
const concurrency = Number(flags.concurrency);
for (const [name, v] of [
  ['seconds', seconds],
  ['rounds', Number(flags.rounds)],
  ['rows', rowsPerStatement],
  ['concurrency', concurrency],
]) {
  if (!(Number.isInteger(v) && v > 0)) throw new Error(`--${name} must be a positive whole number, got ${v}`);
}

/** One run on a fresh database: statements of `rowsPerStatement` rows for `seconds`. */
async function run(cached) {
  const db = await createScratchDatabase(flags['database-url']);
  const sql = await openPgSql({ connectionString: db.url, max: concurrency });
  try {
    await migrate(sql);
    const appId = 'app_bench';
    await sql.query(`insert into apps (app_id, name, public_key, secret_key_hash) values ($1, 'bench', 'pk_bench', 'sk_bench')`, [appId]);
    const factory = createMessageFactory({ seed: 1 });
    const pool = Array.from(
      { length: 200 },
      () => prepareBatch(factory.batch(rowsPerStatement), { sentAt: new Date().toISOString(), receivedAtMs: Date.now() }).rows,
    );
    const known = cached ? createKnownEntities() : undefined;
    const receivedAt = new Date().toISOString();
    const measureFrom = performance.now() + 2000;
    const measureTo = measureFrom + seconds * 1000;
    let sampler;
    let next = 0;
    let stored = 0;
    async function worker() {
      while (performance.now() < measureTo) {
        const n = next++;
        const rows = pool[n % pool.length].map((r) => ({ ...r, message_id: `${r.message_id}-${n}` }));
        const started = performance.now();
        if (!sampler && started >= measureFrom) sampler = startCpuSampler();
        const [ids] = await insertBatches(sql, [{ appId, rows, receivedAt }], known);
        if (started >= measureFrom && performance.now() <= measureTo) stored += ids.size;
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker));
    const cpu = sampler.stop();
    const perSecond = stored / seconds;
    return { perSecond, postgresUs: (cpu.postgres / 100 / perSecond) * 1e6, benchUs: (cpu.bench / 100 / perSecond) * 1e6, idle: cpu.idle };
  } finally {
    await sql.close();
    await db.drop();
  }
}

const variants = [
  ['statement, every user and account sent', false],
  ['statement, known users and accounts left out', true],
];
const results = new Map(variants.map(([label]) => [label, []]));
for (let round = 0; round < Number(flags.rounds); round++) {
  for (const [label, cached] of variants) {
    process.stderr.write(`round ${round + 1}: ${label}...\n`);
    results.get(label).push(await run(cached));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `\ningest statement on PostgreSQL: ${rowsPerStatement} rows per statement, ${concurrency} in flight, ${seconds} s per run, medians of ${flags.rounds} runs`,
);
console.log('variant                                         events/s  PostgreSQL µs/event  this process µs/event  idle %');
for (const [label, runs] of results) {
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(
    `${label.padEnd(46)}  ${Math.round(m('perSecond')).toString().padStart(8)}  ${m('postgresUs').toFixed(0).padStart(19)}  ${m('benchUs').toFixed(0).padStart(21)}  ${m('idle').toFixed(0).padStart(6)}`,
  );
}

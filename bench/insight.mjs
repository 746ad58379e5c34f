// Early-warning accuracy benchmark: a labelled population of customer accounts (healthy, slow
// starters, and four kinds of trouble with a known onset day) goes through a real collector; the
// flags and health bands it answers are scored for recall, precision and detection delay.
// Run from the repository root: `pnpm bench:insight` (builds first) or `node bench/insight.mjs`.
// Seeds 1,2,3 are the tuning seeds (thresholds are chosen on them); 11,12,13, the default, are held out.
import { readFileSync } from 'node:fs';
import { formatInsightScore } from './lib/insight-report.mjs';
import { scoreInsight } from './lib/insight-score.mjs';
import { insightKinds } from './lib/insight-population.mjs';
import { runInsightSeed } from './lib/insight-seed-run.mjs';
import { benchFlags } from './lib/bench-flags.mjs';

const usage = `node bench/insight.mjs [options]
  --seeds 11,12,13      populations to run (1,2,3: tuning seeds; 11,12,13: held out, the default)
  --accounts 150        accounts per population
  --database-url URL    a scratch database on this PostgreSQL server (default: a fresh PGlite directory)
  --config FILE         a JSON file with a config "health" section ({ "flags": {...}, "bands": {...}, "weights": {...} })
  --json                print the whole result as JSON
  --keep                keep the databases / data directories`;

const flags = benchFlags(usage, {
  seeds: { type: 'string', default: '11,12,13' },
  accounts: { type: 'string', default: '150' },
  'database-url': { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
});
const seeds = flags.seeds.split(',').map((s) => Number(s.trim()));
if (seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new Error(`--seeds must be whole numbers separated by commas, got "${flags.seeds}"`);
const accounts = Number(flags.accounts);
if (!Number.isInteger(accounts) || accounts < 6) throw new Error(`--accounts must be a whole number of at least 6, got "${flags.accounts}"`);
const health = flags.config ? JSON.parse(readFileSync(flags.config, 'utf8')) : undefined;
const progress = (text) => process.stderr.write(`${text}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const began = performance.now();
const runs = [];
for (const seed of seeds) {
  const run = await runInsightSeed({ seed, accounts, databaseUrl: flags['database-url'], health, keep: flags.keep, progress });
  runs.push({ ...run, score: scoreInsight(run.records) });
}
const pooled = scoreInsight(runs.flatMap((r) => r.records));
const totalMs = performance.now() - began;
const backend = flags['database-url'] ? 'PostgreSQL' : 'PGlite';
const kindOrder = insightKinds.map((k) => k.kind);

if (flags.json) {
  console.log(JSON.stringify({ backend, seeds, accountsPerSeed: accounts, health: health ?? null, totalMs, runs, pooled }, null, 2));
} else {
  for (const r of runs) {
    console.log(
      `\n### seed ${r.seed} (${backend}): ${r.records.length} accounts, ${r.messages.toLocaleString('en-US')} messages; ingest ${seconds(r.ingestMs)}, summaries settled ${seconds(r.waitMs)}\n`,
    );
    console.log(formatInsightScore(r.score, kindOrder));
    for (const note of r.notes) console.log(`note: ${note}`);
  }
  if (runs.length > 1) {
    console.log(`\n### pooled: seeds ${seeds.join(',')} (${backend}), ${runs.reduce((n, r) => n + r.records.length, 0)} accounts\n`);
    console.log(formatInsightScore(pooled, kindOrder));
  }
  console.log(`\nwhole run: ${seconds(totalMs)}${health ? ` with health ${JSON.stringify(health)}` : ''}`);
}
process.exitCode = pooled.pass ? 0 : 1;

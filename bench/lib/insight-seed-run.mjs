// One seed of the early-warning benchmark: a fresh collector and database, the bench config, the
// population's messages through POST /v1/batch, the summariser's answer for every account.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The demo's Segment-style sender (retries on 429/503 with backoff, a few requests in flight).
import { packBatches } from '../../examples/acme/dist/simulate/pack-batches.js';
import { sendBatches } from '../../examples/acme/dist/simulate/send-batches.js';
import { createBenchApp, startCollectorProcess } from './collector-process.mjs';
import { insightConfig } from './insight-config.mjs';
import { generatePopulation, populationMessages } from './insight-population.mjs';
import { seededRandom } from './message-factory.mjs';
import { createScratchDatabase } from './scratch-database.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh PGlite data directory, or a scratch database on the PostgreSQL server of `databaseUrl`. */
async function freshStorage(databaseUrl) {
  if (databaseUrl) {
    const db = await createScratchDatabase(databaseUrl);
    return { env: { DATABASE_URL: db.url }, where: db.url, drop: () => db.drop() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'waymark-insight-'));
  return { env: { WAYMARK_DATA_DIR: dir }, where: dir, drop: () => rm(dir, { recursive: true, force: true }) };
}

/** `fetch` of an admin route with the secret key; throws on anything but 2xx. */
async function admin(url, secretKey, path, init = {}) {
  const res = await fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${secretKey}`, ...init.headers } });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw Object.assign(new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`), { status: res.status });
  return body;
}

/** Every account of the portfolio (all pages of 200), as accountId → updatedAt. */
async function portfolio(url, secretKey) {
  const seen = new Map();
  for (let page = 1; ; page++) {
    const answer = await admin(url, secretKey, `/v1/admin/portfolio?limit=200&page=${page}&sort=name`);
    for (const a of answer.accounts) seen.set(a.accountId, a.updatedAt);
    if (page >= answer.pages) return seen;
  }
}

/**
 * Waits until the summariser has settled: the portfolio lists `expected` accounts and then either
 * no `updatedAt` changed for `quietMs`, or every account was summarised again after that (a whole
 * further round, on the same events: for a minute after a config push every round recomputes every
 * account, so waiting for quiet would wait out that minute). The collector reports no idle state,
 * so this watches its output.
 */
async function waitForSummaries(url, secretKey, expected, { quietMs = 5000, timeoutMs = 15 * 60_000 } = {}) {
  const until = Date.now() + timeoutMs;
  let last = '';
  let quietSince = Date.now();
  let whenAllListed;
  for (;;) {
    const seen = await portfolio(url, secretKey);
    const signature = [...seen].sort().join();
    if (signature !== last) [last, quietSince] = [signature, Date.now()];
    if (seen.size >= expected) {
      whenAllListed ??= seen;
      if (Date.now() - quietSince >= quietMs || [...whenAllListed].every(([id, at]) => seen.get(id) !== at)) return seen.size;
    }
    if (Date.now() > until) throw new Error(`the summariser did not settle in ${timeoutMs / 1000} s (${seen.size} of ${expected} accounts summarised)`);
    await sleep(500);
  }
}

/** `fn` over `items`, `concurrency` at a time, results in order. */
async function mapLimit(items, concurrency, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/** What the collector says about one account: its detail, or a blank answer when it has no summary. */
async function readAccount(url, secretKey, account) {
  try {
    return await admin(url, secretKey, `/v1/admin/accounts/${encodeURIComponent(account.accountId)}`);
  } catch (error) {
    if (error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Runs seed `seed`: generates its population, ingests it with the summariser off (so no account
 * is judged on half its history), restarts the collector with the summariser every second, waits
 * until it has settled, and reads every account. Returns the scorer's records, timings and notes.
 */
export async function runInsightSeed({ seed, accounts, databaseUrl, health, keep = false, progress = () => {} }) {
  const population = generatePopulation({ seed, accounts });
  const storage = await freshStorage(databaseUrl);
  const notes = [];
  let collector;
  try {
    const keys = await createBenchApp(storage.env);
    collector = await startCollectorProcess({ ...storage.env, WAYMARK_SUMMARISE_EVERY_MS: String(24 * 3_600_000) });
    await admin(collector.url, keys.secretKey, '/v1/admin/config?note=bench%3Ainsight', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(insightConfig(health)),
    });

    let started = performance.now();
    const random = seededRandom(seed);
    const totals = await sendBatches(packBatches(populationMessages(population)), { url: collector.url, key: keys.secretKey, concurrency: 4, random });
    const ingestMs = performance.now() - started;
    if (totals.rejected > 0) throw new Error(`seed ${seed}: ${totals.rejected} messages rejected, first: ${totals.rejections[0]}`);
    progress(
      `seed ${seed}: ${totals.accepted.toLocaleString('en-US')} messages in ${(ingestMs / 1000).toFixed(1)} s (${totals.retries} retries); summarising…`,
    );
    await sleep(1500); // compaction (every second) folds the last batches before the restart
    await collector.stop();

    started = performance.now();
    collector = await startCollectorProcess({ ...storage.env, WAYMARK_SUMMARISE_EVERY_MS: '1000' });
    const summarised = await waitForSummaries(collector.url, keys.secretKey, population.accounts.length);
    const waitMs = performance.now() - started;
    const details = await mapLimit(population.accounts, 4, (a) => readAccount(collector.url, keys.secretKey, a));

    const records = population.accounts.map((a, i) => {
      const detail = details[i];
      if (!detail) notes.push(`${a.accountId}: no summary`);
      else if (Date.parse(detail.account.startAt) !== a.startAt || (detail.account.timeZone ?? 'UTC') !== a.timeZone) {
        notes.push(
          `${a.accountId}: the collector's start ${detail.account.startAt} ${detail.account.timeZone} is not ${new Date(a.startAt).toISOString()} ${a.timeZone}`,
        );
      }
      return {
        accountId: a.accountId,
        label: { kind: a.kind, atRisk: a.atRisk, onset: a.onset, age: a.age },
        // Day numbers are counted from the population's own start and zone (the truth), not the collector's.
        answer: {
          startAt: a.startAt,
          timeZone: a.timeZone,
          flags: detail?.flags ?? [],
          clearedFlags: detail?.clearedFlags ?? [],
          band: detail?.health?.band,
          history: detail?.history ?? [],
        },
      };
    });
    const warnings = collector
      .log()
      .split('\n')
      .filter((l) => /"level":"(warn|error)"/.test(l));
    if (warnings.length > 0) notes.push(`collector: ${warnings.length} warning(s), first: ${warnings[0].slice(0, 300)}`);
    return { seed, records, messages: totals.accepted, ingestMs, waitMs, summarised, notes };
  } finally {
    await collector?.stop();
    if (keep) progress(`seed ${seed}: kept ${storage.where}`);
    else await storage.drop();
  }
}

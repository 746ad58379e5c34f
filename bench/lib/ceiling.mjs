import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { percentile } from './http-load.mjs';

// The exact column order of the collector's insert into `events` (src/ingest/insert-batch.ts).
const columns = [
  'app_id',
  'message_id',
  'type',
  'event',
  'event_key',
  'user_id',
  'anonymous_id',
  'actor',
  'account_id',
  'ts',
  'received_at',
  'sent_at',
  'ts_source',
  'properties',
  'traits',
  'context',
];

const json = (v) => (v === null || v === undefined ? null : JSON.stringify(v));

/** A row as the collector stores it, as a list of text values (null for SQL NULL). */
function values(appId, row, receivedAt) {
  return [
    appId,
    row.message_id,
    row.type,
    row.event,
    row.event_key,
    row.user_id,
    row.anonymous_id,
    row.actor,
    row.account_id,
    row.ts,
    receivedAt,
    row.sent_at,
    row.ts_source,
    json(row.properties),
    json(row.traits),
    json(row.context),
  ];
}

// COPY's text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const copyText = (v) => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]));

/**
 * A pool of prepared rows (made once with the collector's own `prepareBatch`, so values are
 * byte-for-byte what it would store) handed out round-robin with a fresh message_id each time,
 * so the client spends its CPU on the database protocol and not on making data.
 */
export function createRowSource({ factory, prepareBatch, appId, poolSize = 20_000 }) {
  const receivedAt = new Date().toISOString();
  const prepared = [];
  while (prepared.length < poolSize) {
    const raw = factory.batch(1000);
    const { rows } = prepareBatch(raw, { sentAt: new Date().toISOString(), receivedAtMs: Date.now() });
    for (const r of rows) prepared.push(values(appId, r, receivedAt));
  }
  const copyTail = prepared.map((v) => `\t${v.slice(2).map(copyText).join('\t')}\n`);
  const runId = Math.random().toString(36).slice(2, 8);
  let next = 0;
  return {
    /** `n` rows as COPY text lines. */
    copyLines(n) {
      let out = '';
      for (let i = 0; i < n; i++, next++) out += `${appId}\tbench-${runId}-${next}${copyTail[next % copyTail.length]}`;
      return out;
    },
    /** `n` rows as a flat parameter list for a multi-row INSERT. */
    params(n) {
      const out = [];
      for (let i = 0; i < n; i++, next++) {
        const v = prepared[next % prepared.length];
        out.push(v[0], `bench-${runId}-${next}`, ...v.slice(2));
      }
      return out;
    },
  };
}

function insertText(n) {
  const rows = [];
  for (let r = 0; r < n; r++) rows.push(`(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(',')})`);
  return `insert into events (${columns.join(',')}) values ${rows.join(',')}`;
}

/**
 * Inserts rows straight into `events` with `method` ('copy' or 'insert'), `rowsPerStatement`
 * at a time from `concurrency` connections, for `seconds` after a warm-up; returns rows/s,
 * per-statement latency, and how many rows went in (to check against `count(*)`).
 */
export async function runCeiling({ connectionString, method, rowsPerStatement, concurrency, warmupSeconds, seconds, source, onMeasureStart, beforeClose }) {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new pg.Client({ connectionString });
      await c.connect();
      return c;
    }),
  );
  const text = insertText(rowsPerStatement);
  const latencies = [];
  let inserted = 0;
  let measured = 0;
  const t0 = performance.now();
  const measureFrom = t0 + warmupSeconds * 1000;
  const measureTo = measureFrom + seconds * 1000;
  let measureStarted = false;

  async function once(client) {
    if (method === 'copy') {
      const stream = client.query(copyStreams.from(`copy events (${columns.join(',')}) from stdin`));
      await pipeline(Readable.from([source.copyLines(rowsPerStatement)]), stream);
    } else {
      await client.query({ text, values: source.params(rowsPerStatement), name: `ceiling_insert_${rowsPerStatement}` });
    }
  }

  async function worker(client) {
    while (performance.now() < measureTo) {
      const started = performance.now();
      if (!measureStarted && started >= measureFrom) {
        measureStarted = true;
        onMeasureStart?.();
      }
      await once(client);
      const ended = performance.now();
      inserted += rowsPerStatement;
      if (started >= measureFrom && ended <= measureTo) {
        measured += rowsPerStatement;
        latencies.push(ended - started);
      }
    }
  }

  try {
    await Promise.all(clients.map(worker));
    // A backend's CPU time disappears from /proc when its connection closes; let the sampler finish first.
    await beforeClose?.();
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  latencies.sort((a, b) => a - b);
  return { inserted, errors: 0, eventsPerSecond: measured / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

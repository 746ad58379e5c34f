import { openHttpConnection } from './http-connection.mjs';

/** p-th percentile (0–100) of a sorted list of numbers. */
export const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

/**
 * Sends `POST /v1/batch` from `concurrency` keep-alive connections (http-connection.mjs), each
 * with one request in flight, for `warmupSeconds` and then `seconds`. Every answer must be a 200 with all messages
 * accepted; anything else is counted as an error and the first one is kept for the report.
 * Only requests that complete inside the measured window count towards its throughput.
 * `onMeasureStart` runs when the window opens; `beforeClose` is awaited before connections close.
 */
export async function runHttpLoad({ url, secretKey, concurrency, warmupSeconds, seconds, batchSize, makeBody, onMeasureStart, beforeClose }) {
  const connections = await Promise.all(Array.from({ length: concurrency }, () => openHttpConnection(url)));
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${secretKey}` };
  const latencies = [];
  let accepted = 0;
  let measuredEvents = 0;
  let errors = 0;
  let firstError;
  const t0 = performance.now();
  const measureFrom = t0 + warmupSeconds * 1000;
  const measureTo = measureFrom + seconds * 1000;
  let measureStarted = false;

  async function worker(connection) {
    while (performance.now() < measureTo) {
      const body = makeBody(batchSize);
      const started = performance.now();
      if (!measureStarted && started >= measureFrom) {
        measureStarted = true;
        onMeasureStart?.();
      }
      try {
        const res = await connection.request('POST', '/v1/batch', headers, body);
        const answer = JSON.parse(res.body);
        const ended = performance.now();
        if (res.status !== 200 || answer.accepted !== batchSize || answer.duplicates !== 0 || answer.rejected !== 0) {
          errors++;
          firstError ??= { status: res.status, answer: JSON.stringify(answer).slice(0, 500) };
          accepted += answer.accepted ?? 0;
          continue;
        }
        accepted += answer.accepted;
        if (started >= measureFrom && ended <= measureTo) {
          measuredEvents += answer.accepted;
          latencies.push(ended - started);
        }
      } catch (error) {
        // A broken connection fails the run; this worker stops rather than spin on it.
        errors++;
        firstError ??= { error: error.message };
        return;
      }
    }
  }

  await Promise.all(connections.map(worker));
  await beforeClose?.();
  for (const c of connections) c.close();
  latencies.sort((a, b) => a - b);
  return {
    accepted,
    errors,
    firstError,
    eventsPerSecond: measuredEvents / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

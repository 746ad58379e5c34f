import { backoffDelay, parseRetryAfter, retryDecision } from '@waymark/core';
import type { PackedBatch } from './pack-batches.js';

/** Totals of what the collector answered. */
export interface SendTotals {
  batches: number;
  messages: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Requests that were retried (network errors, 408, 429, 5xx). */
  retries: number;
  /** The first few rejection reasons, for the summary. */
  rejections: string[];
  /** Why requests were retried: reason (status and code, or the network error) to count. */
  retryReasons: Record<string, number>;
}

/** Where and how to send. */
export interface SendOptions {
  /** The collector's base URL. */
  url: string;
  /** The app's secret key (sent as Basic auth user name, Segment's convention for servers). */
  key: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Attempts per batch before the run fails. */
  maxAttempts?: number;
  /** Randomness for backoff jitter. */
  random: () => number;
  /** Called after each acknowledged batch with the running totals. */
  onProgress?: (totals: Readonly<SendTotals>) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** The collector refused a batch for good (a 4xx other than 408/429), or kept failing. */
export class SendError extends Error {
  override name = 'SendError';
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const backoff = { baseMs: 250, capMs: 10_000, factor: 2 };

interface BatchAnswer {
  accepted?: number;
  duplicates?: number;
  rejected?: number;
  results?: Array<{ status: string; error?: { field: string; reason: string } }>;
  error?: { code?: string; message?: string };
}

/**
 * Sends batches to `POST /v1/batch` with a few requests in flight, like any Segment-style client:
 * `sentAt` set on each attempt (so the collector measures the clock offset per request), retries
 * with jittered exponential backoff (honouring `Retry-After`) on network errors, 408, 429 and
 * 5xx, and a `SendError` on anything final. Resolves with the totals once every batch is stored.
 */
export async function sendBatches(batches: Iterable<PackedBatch>, options: SendOptions): Promise<SendTotals> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? wait;
  const maxAttempts = options.maxAttempts ?? 8;
  const authorization = `Basic ${Buffer.from(`${options.key}:`).toString('base64')}`;
  const endpoint = `${options.url.replace(/\/+$/, '')}/v1/batch`;
  const totals: SendTotals = { batches: 0, messages: 0, accepted: 0, duplicates: 0, rejected: 0, retries: 0, rejections: [], retryReasons: {} };
  const iterator = batches[Symbol.iterator]();
  let failure: unknown;

  const sendOne = async (batch: PackedBatch) => {
    for (let attempt = 0; ; attempt++) {
      const body = `{"sentAt":"${new Date().toISOString()}","batch":[${batch.messages.join(',')}]}`;
      let status: number | undefined;
      let answer: BatchAnswer | undefined;
      let retryAfter: number | undefined;
      let problem = '';
      try {
        const res = await doFetch(endpoint, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body });
        status = res.status;
        retryAfter = parseRetryAfter(res.headers.get('retry-after'), Date.now(), 60_000);
        answer = (await res.json().catch(() => undefined)) as BatchAnswer | undefined;
        const { code, message } = answer?.error ?? {};
        problem = `${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        problem = `network error: ${cause?.code ?? (error as Error).message}`;
      }
      const decision = retryDecision(status);
      if (decision === 'done' && answer) {
        totals.batches += 1;
        totals.messages += batch.messages.length;
        totals.accepted += answer.accepted ?? 0;
        totals.duplicates += answer.duplicates ?? 0;
        totals.rejected += answer.rejected ?? 0;
        for (const r of answer.results ?? []) {
          if (r.status === 'rejected' && r.error && totals.rejections.length < 5) totals.rejections.push(`${r.error.field}: ${r.error.reason}`);
        }
        options.onProgress?.(totals);
        return;
      }
      if (decision === 'drop') throw new SendError(`the collector refused a batch (${problem}); stopping`);
      if (attempt + 1 >= maxAttempts) throw new SendError(`a batch failed ${maxAttempts} times (last: ${problem}); stopping`);
      totals.retries += 1;
      totals.retryReasons[problem] = (totals.retryReasons[problem] ?? 0) + 1;
      await sleep(Math.max(backoffDelay(attempt, options.random, backoff), retryAfter ?? 0));
    }
  };

  const worker = async () => {
    while (failure === undefined) {
      const next = iterator.next();
      if (next.done) return;
      try {
        await sendOne(next.value);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  if (failure !== undefined) throw failure;
  return totals;
}

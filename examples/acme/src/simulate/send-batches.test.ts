import { describe, expect, it } from 'vitest';
import { sendBatches, SendError } from './send-batches.js';

const batch = (n: number, from = 0) => ({ messages: Array.from({ length: n }, (_, i) => JSON.stringify({ messageId: `m${from + i}` })), bytes: 0 });
const ok = (body: string) => {
  const n = (JSON.parse(body) as { batch: unknown[] }).batch.length;
  return new Response(JSON.stringify({ ok: true, accepted: n, duplicates: 0, rejected: 0, results: [] }), { status: 200 });
};

describe('sendBatches', () => {
  it('sends every batch with Basic auth and a sentAt, a few at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: Array<{ auth: string | null; sentAt: string }> = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      seen.push({ auth: new Headers(init.headers).get('authorization'), sentAt: (JSON.parse(String(init.body)) as { sentAt: string }).sentAt });
      return ok(String(init.body));
    }) as typeof globalThis.fetch;
    const progress: number[] = [];
    const totals = await sendBatches([batch(3), batch(3, 3), batch(3, 6), batch(3, 9), batch(2, 12)], {
      url: 'http://collector.test/',
      key: 'sk_x',
      concurrency: 2,
      random: () => 0.5,
      fetch,
      onProgress: (t) => progress.push(t.messages),
    });
    expect(totals).toMatchObject({ batches: 5, messages: 14, accepted: 14, retries: 0 });
    expect(most).toBe(2);
    expect(progress.at(-1)).toBe(14);
    expect(seen[0]!.auth).toBe(`Basic ${Buffer.from('sk_x:').toString('base64')}`);
    expect(Number.isNaN(Date.parse(seen[0]!.sentAt))).toBe(false);
  });

  it('retries 429 (honouring Retry-After), 503 and network errors with backoff', async () => {
    const answers = [
      () => new Response('{}', { status: 429, headers: { 'Retry-After': '2' } }),
      () => new Response('{"error":{"code":"internal"}}', { status: 503 }),
      () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      },
    ];
    const fetch = (async (_url: string, init: RequestInit) => (answers.shift() ?? (() => ok(String(init.body))))()) as typeof globalThis.fetch;
    const sleeps: number[] = [];
    const totals = await sendBatches([batch(4)], {
      url: 'http://c.test',
      key: 'sk_x',
      concurrency: 1,
      random: () => 0,
      fetch,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(totals).toMatchObject({ accepted: 4, retries: 3 });
    expect(sleeps).toEqual([2000, 250, 500]);
    expect(totals.retryReasons).toEqual({ '429': 1, '503 internal': 1, 'network error: ECONNRESET': 1 });
  });

  it('stops on a final refusal, and after too many failures', async () => {
    const refuse = (async () => new Response('{"error":{"code":"invalid_key","message":"no such key"}}', { status: 401 })) as typeof globalThis.fetch;
    await expect(sendBatches([batch(1), batch(1, 1)], { url: 'http://c.test', key: 'sk_x', concurrency: 1, random: () => 0, fetch: refuse })).rejects.toThrow(
      new SendError('the collector refused a batch (401 invalid_key: no such key); stopping'),
    );
    const down = (async () => new Response('', { status: 502 })) as typeof globalThis.fetch;
    await expect(
      sendBatches([batch(1)], { url: 'http://c.test', key: 'sk_x', concurrency: 1, random: () => 0, fetch: down, maxAttempts: 3, sleep: async () => {} }),
    ).rejects.toThrow(/failed 3 times \(last: 502\)/);
  });
});

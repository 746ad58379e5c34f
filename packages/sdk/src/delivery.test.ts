import { limits } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery, unloadCopyKey, type Delivery } from './delivery.js';
import type { KeyValueStorage, PostInit, ResponseLike } from './platform.js';
import { createMemoryStore, type QueuedMessage, type QueueStore } from './queue-store.js';

interface Sent {
  batch: Array<{ messageId: string }>;
  sentAt: string;
  writeKey: string;
  dropped?: number;
}

const response = (status: number, body: unknown = {}, headers: Record<string, string> = {}): ResponseLike => ({
  status,
  headers: new Headers(headers),
  json: async () => body,
});
const accepted = (sent: Sent): ResponseLike => response(200, { results: sent.batch.map((m) => ({ messageId: m.messageId, status: 'accepted' })) });
const json = (id: string, pad = 0): string => JSON.stringify({ type: 'track', event: 'E', messageId: id, anonymousId: 'a', pad: 'x'.repeat(pad) });

function harness(
  respond: (sent: Sent, n: number) => ResponseLike | Promise<ResponseLike> = accepted,
  store: QueueStore = createMemoryStore(),
  maxQueue = 1000,
  storage: KeyValueStorage | undefined = undefined,
  restore = true,
) {
  const requests: Sent[] = [];
  const beacons: string[] = [];
  const fetch = vi.fn(async (_url: string, init: PostInit) => {
    const sent = JSON.parse(init.body) as Sent;
    requests.push(sent);
    return respond(sent, requests.length);
  });
  const sendBeacon = vi.fn((_url: string, body: Blob) => {
    beacons.push(String(body.size));
    return true;
  });
  const delivery = createDelivery({
    url: 'https://c.test/v1/batch',
    writeKey: 'pk_test',
    platform: { fetch, sendBeacon, storage, queue: store, now: () => Date.now(), random: () => 0.5, randomBytes: (n) => new Uint8Array(n) },
    rules: { maxCount: 5, maxBytes: 32 * 1024, intervalMs: 2000 },
    maxQueue,
    restore,
  });
  const ids = () => requests.map((r) => r.batch.map((m) => m.messageId));
  return { delivery, requests, beacons, fetch, sendBeacon, store, ids };
}

describe('delivery', () => {
  let live: Delivery[] = [];
  const make = (...args: Parameters<typeof harness>) => {
    const h = harness(...args);
    live.push(h.delivery);
    return h;
  };
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    live.forEach((d) => d.destroy());
    live = [];
    vi.useRealTimers();
  });

  it('sends after the interval, or at once when the count is reached', async () => {
    const h = make();
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.enqueue('a', json('a'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.ids()).toEqual([['a']]);
    for (const id of ['b', 'c', 'd', 'e', 'f']) h.delivery.enqueue(id, json(id));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.ids()).toEqual([['a'], ['b', 'c', 'd', 'e', 'f']]);
    expect(await h.store.all()).toEqual([]);
    const [, init] = h.fetch.mock.calls[0]!;
    expect(init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'Content-Type': 'text/plain' } });
    expect(h.fetch.mock.calls[0]![0]).toBe('https://c.test/v1/batch');
    expect(h.requests[0]).toMatchObject({ writeKey: 'pk_test' });
    expect(h.requests[0]).not.toHaveProperty('dropped');
  });

  it('sends at once when the queued bytes reach the limit', async () => {
    const h = make();
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.enqueue('a', json('a', 17_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.fetch).not.toHaveBeenCalled();
    h.delivery.enqueue('b', json('b', 17_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.ids()).toEqual([['a', 'b']]);
  });

  it('never queues a message over the size limit', async () => {
    const h = make();
    expect(h.delivery.enqueue('big', json('big', limits.maxMessageBytes))).toBe(false);
    expect(h.delivery.enqueue('ok', json('ok'))).toBe(true);
    await h.delivery.flush();
    expect(h.ids()).toEqual([['ok']]);
  });

  it('keeps each request body under the keepalive limit', async () => {
    const h = make();
    for (let i = 0; i < 8; i++) h.delivery.enqueue(`m${i}`, json(`m${i}`, 20_000));
    await h.delivery.flush();
    expect(h.ids().flat()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    for (const [, init] of h.fetch.mock.calls) expect(new Blob([init.body]).size).toBeLessThanOrEqual(limits.maxBeaconBytes);
    expect(h.requests.length).toBeGreaterThan(1);
  });

  it('retries network errors with exponential backoff, re-stamping sentAt each attempt', async () => {
    const h = make((sent, n) => (n < 3 ? Promise.reject(new TypeError('Failed to fetch')) : accepted(sent)));
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.enqueue('a', json('a'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    // attempt 0: 1000 ms step, half fixed + half * random(0.5) = 750 ms
    await vi.advanceTimersByTimeAsync(749);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.fetch).toHaveBeenCalledTimes(2);
    // attempt 1: 2000 ms step -> 1500 ms
    await vi.advanceTimersByTimeAsync(1499);
    expect(h.fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.ids()).toEqual([['a'], ['a'], ['a']]);
    expect(new Set(h.requests.map((r) => r.sentAt)).size).toBe(3);
    expect(await h.store.all()).toEqual([]);
  });

  it.each([408, 429, 500, 503])('retries status %i, honouring Retry-After', async (status) => {
    const h = make((sent, n) => (n === 1 ? response(status, {}, { 'Retry-After': '7' }) : accepted(sent)));
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.enqueue('a', json('a'));
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(6999);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.ids()).toEqual([['a'], ['a']]);
  });

  it.each([400, 401, 403, 413, 422])('drops the batch on status %i without retrying', async (status) => {
    const h = make(() => response(status, { error: { field: 'batch', reason: 'bad' } }));
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.enqueue('a', json('a'));
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    expect(await h.store.all()).toEqual([]);
  });

  it('removes every message the collector names (accepted, duplicate, rejected) and resends the others', async () => {
    const h = make((sent, n) =>
      n === 1
        ? response(200, {
            results: [
              { messageId: 'a', status: 'accepted' },
              { messageId: 'b', status: 'duplicate' },
              { messageId: 'c', status: 'rejected', error: { field: 'event', reason: 'too long' } },
            ],
          })
        : accepted(sent),
    );
    for (const id of ['a', 'b', 'c', 'd']) h.delivery.enqueue(id, json(id));
    await h.delivery.flush();
    expect(h.ids()).toEqual([['a', 'b', 'c', 'd'], ['d']]);
  });

  it('treats a success that confirms nothing as a failure (no hot loop)', async () => {
    const h = make(() => response(200, { ok: true }));
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.enqueue('a', json('a'));
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.fetch).toHaveBeenCalledTimes(1);
    expect((await h.store.all()).map((m) => m.id)).toEqual(['a']);
  });

  it('flush() sends at once, even during a backoff', async () => {
    const h = make((sent, n) => (n === 1 ? response(503) : accepted(sent)));
    h.delivery.enqueue('a', json('a'));
    await h.delivery.flush();
    expect(h.fetch).toHaveBeenCalledTimes(1);
    await h.delivery.flush();
    expect(h.ids()).toEqual([['a'], ['a']]);
  });

  it('never sends the same message twice at the same time from one tab', async () => {
    let release: (r: ResponseLike) => void = () => undefined;
    const h = make((sent, n) => (n === 1 ? new Promise((resolve) => (release = () => resolve(accepted(sent)))) : accepted(sent)));
    h.delivery.enqueue('a', json('a'));
    const first = h.delivery.flush();
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.enqueue('b', json('b'));
    const second = h.delivery.flush();
    h.delivery.beacon();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.ids()).toEqual([['a']]);
    release(response(200));
    await Promise.all([first, second]);
    expect(h.ids()).toEqual([['a'], ['b']]);
  });

  it('restores what a previous page left in the store, oldest first', async () => {
    const store = createMemoryStore();
    const down = make(() => Promise.reject(new TypeError('offline')), store);
    for (const id of ['a', 'b', 'c']) down.delivery.enqueue(id, json(id));
    await down.delivery.flush();
    down.delivery.destroy();
    expect((await store.all()).map((m) => m.id)).toEqual(['a', 'b', 'c']);

    const up = make(accepted, store);
    up.delivery.enqueue('d', json('d'));
    await up.delivery.flush();
    expect(up.ids()).toEqual([['a', 'b', 'c', 'd']]);
    expect(await store.all()).toEqual([]);
  });

  it('counts messages evicted by the cap, reports them once as `dropped`, and persists the count', async () => {
    const store = createMemoryStore();
    const down = make(() => Promise.reject(new TypeError('offline')), store, 3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) down.delivery.enqueue(id, json(id));
    await vi.advanceTimersByTimeAsync(0);
    down.delivery.destroy();
    expect(await store.getDropped()).toBe(2);
    expect((await store.all()).map((m) => m.id)).toEqual(['c', 'd', 'e']);

    const up = make(accepted, store, 3);
    await up.delivery.flush();
    up.delivery.enqueue('f', json('f'));
    await up.delivery.flush();
    expect(up.requests.map((r) => r.dropped)).toEqual([2, undefined]);
    expect(await store.getDropped()).toBe(0);
  });

  it('beacons the queue split under the beacon limit, keeping it until confirmed', async () => {
    const h = make(() => new Promise(() => undefined));
    for (let i = 0; i < 10; i++) h.delivery.enqueue(`m${i}`, json(`m${i}`, 20_000));
    h.delivery.beacon();
    expect(h.sendBeacon.mock.calls.length).toBeGreaterThanOrEqual(4);
    const texts = await Promise.all(h.sendBeacon.mock.calls.map(([, blob]) => blob.text()));
    const bodies = texts.map((t) => JSON.parse(t) as Sent);
    expect(bodies.flatMap((b) => b.batch.map((m) => m.messageId))).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    for (const [, blob] of h.sendBeacon.mock.calls) {
      expect(blob.size).toBeLessThanOrEqual(limits.maxBeaconBytes);
      expect(blob.type).toBe('text/plain');
    }
    expect(bodies.every((b) => b.writeKey === 'pk_test' && typeof b.sentAt === 'string')).toBe(true);
    expect(await h.store.all()).toHaveLength(10);
    // pagehide right after visibilitychange: nothing is beaconed twice
    h.delivery.beacon();
    expect(h.sendBeacon.mock.calls.length).toBe(bodies.length);
  });

  it('stops beaconing at the first refusal', async () => {
    const h = make();
    h.sendBeacon.mockReturnValue(false);
    h.delivery.enqueue('a', json('a'));
    h.delivery.beacon();
    h.sendBeacon.mockReturnValue(true);
    h.delivery.beacon();
    expect(h.sendBeacon).toHaveBeenCalledTimes(2);
  });

  it('clear() forgets the queue here and in the store', async () => {
    const h = make(() => Promise.reject(new TypeError('offline')));
    h.delivery.enqueue('a', json('a'));
    await vi.advanceTimersByTimeAsync(0);
    h.delivery.clear();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(await h.store.all()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
  it('does not wait forever for a durable store that never answers', async () => {
    const hanging = createMemoryStore();
    const stuck: QueueStore = { ...hanging, all: () => new Promise(() => {}), getDropped: () => new Promise(() => {}) };
    const h = make(accepted, stuck);
    h.delivery.enqueue('m1', json('m1'));
    await vi.advanceTimersByTimeAsync(2999);
    expect(h.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2001);
    expect(h.ids()).toEqual([['m1']]);
  });

  describe('the unload copy in localStorage', () => {
    const key = `${unloadCopyKey}pk_test`;
    const memory = (): KeyValueStorage & { map: Map<string, string> } => {
      const map = new Map<string, string>();
      return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
    };
    const offline = () => Promise.reject(new TypeError('offline'));
    // IndexedDB as a closing tab sees it: writes that never commit, and nothing stored.
    const uncommitted = (): QueueStore => ({ ...createMemoryStore(), put: () => new Promise(() => undefined) });
    // A store that confirms every write, like IndexedDB once it commits.
    const committing = (): QueueStore => {
      const store = createMemoryStore();
      return { ...store, put: async (m) => (await store.put(m), true) };
    };
    const copiedIds = (storage: { map: Map<string, string> }) => (JSON.parse(storage.map.get(key) ?? '[]') as QueuedMessage[]).map((m) => m.id);

    it('copies on page hide what the store has not confirmed; the next page queues and sends it, and removes the copy', async () => {
      const storage = memory();
      const closing = make(offline, uncommitted(), 1000, storage);
      closing.sendBeacon.mockReturnValue(false);
      for (const id of ['a', 'b']) closing.delivery.enqueue(id, json(id));
      closing.delivery.beacon();
      closing.delivery.destroy();
      expect(copiedIds(storage)).toEqual(['a', 'b']);

      const next = make(accepted, createMemoryStore(), 1000, storage);
      expect(storage.map.has(key)).toBe(false);
      next.delivery.enqueue('c', json('c'));
      await next.delivery.flush();
      expect(next.ids()).toEqual([['a', 'b', 'c']]);
    });

    it('copies nothing the store confirmed', async () => {
      const storage = memory();
      const h = make(offline, committing(), 1000, storage);
      h.delivery.enqueue('a', json('a'));
      await vi.advanceTimersByTimeAsync(0);
      h.delivery.beacon();
      expect(storage.map.has(key)).toBe(false);
    });

    it("copies each message once, keeps another tab's copy, and is per app", async () => {
      const storage = memory();
      const otherApp = JSON.stringify([{ id: 'z', json: json('z'), bytes: 10, at: 1 }]);
      storage.setItem(`${unloadCopyKey}pk_other`, otherApp);
      const otherTab = make(offline, uncommitted(), 1000, storage);
      otherTab.delivery.enqueue('x', json('x'));
      otherTab.delivery.beacon();
      const h = make(offline, uncommitted(), 1000, storage);
      h.delivery.enqueue('a', json('a'));
      h.delivery.beacon();
      h.delivery.enqueue('b', json('b'));
      // visibilitychange, then pagehide
      h.delivery.beacon();
      h.delivery.beacon();
      expect(copiedIds(storage)).toEqual(['x', 'a', 'b']);
      expect(storage.map.get(`${unloadCopyKey}pk_other`)).toBe(otherApp);
    });

    it('keeps the newest messages that one beacon could carry', () => {
      const storage = memory();
      const h = make(offline, uncommitted(), 1000, storage);
      for (let i = 0; i < 6; i++) h.delivery.enqueue(`m${i}`, json(`m${i}`, 25_000));
      h.delivery.beacon();
      expect(copiedIds(storage)).toEqual(['m4', 'm5']);
      expect(storage.map.get(key)!.length).toBeLessThanOrEqual(limits.maxBeaconBytes);
    });

    it('sends a message in both the copy and the store once', async () => {
      const storage = memory();
      const store = createMemoryStore();
      const closing = make(offline, store, 1000, storage);
      closing.delivery.enqueue('a', json('a'));
      closing.delivery.beacon();
      closing.delivery.destroy();
      expect(copiedIds(storage)).toEqual(['a']);
      expect((await store.all()).map((m) => m.id)).toEqual(['a']);

      const next = make(accepted, store, 1000, storage);
      await next.delivery.flush();
      expect(next.ids()).toEqual([['a']]);
    });

    it('ignores a damaged copy and storage that throws', async () => {
      const blocked = (): never => {
        throw new Error('blocked');
      };
      const throwing: KeyValueStorage = { getItem: blocked, setItem: blocked, removeItem: blocked };
      const h = make(accepted, uncommitted(), 1000, throwing);
      h.delivery.enqueue('a', json('a'));
      expect(() => h.delivery.beacon()).not.toThrow();
      await h.delivery.flush();
      expect(h.ids()).toEqual([['a']]);

      const ok = { id: 'ok', json: json('ok'), bytes: 10, at: 1 };
      for (const damaged of ['{not json', '{"id":"x"}', JSON.stringify([1, null, { id: 2 }, ok])]) {
        const storage = memory();
        storage.setItem(key, damaged);
        const next = make(accepted, createMemoryStore(), 1000, storage);
        await next.delivery.flush();
        expect(next.ids()).toEqual(damaged.includes('"ok"') ? [['ok']] : []);
        expect(storage.map.has(key)).toBe(false);
      }
    });

    it('is dropped, unread, when consent is withdrawn, and by clear()', async () => {
      const storage = memory();
      storage.setItem(key, JSON.stringify([{ id: 'a', json: json('a'), bytes: 10, at: 1 }]));
      const withdrawn = make(accepted, createMemoryStore(), 1000, storage, false);
      await withdrawn.delivery.flush();
      expect(withdrawn.fetch).not.toHaveBeenCalled();
      expect(storage.map.has(key)).toBe(false);

      const h = make(offline, uncommitted(), 1000, storage);
      h.delivery.enqueue('b', json('b'));
      h.delivery.beacon();
      expect(storage.map.has(key)).toBe(true);
      h.delivery.clear();
      expect(storage.map.has(key)).toBe(false);
      h.delivery.beacon();
      expect(storage.map.has(key)).toBe(false);
    });
  });
});

import { backoffDelay, flushDelay, limits, takeBatch, type FlushRules } from '@waymark/core';
import { postBatch } from './post-batch.js';
import { batchBody } from './batch-body.js';
import { sendBeacons } from './send-beacons.js';
import type { Platform } from './platform.js';
import { isQueued, type QueuedMessage } from './queue-store.js';
import { readJson, writeItem } from './stored-item.js';

/** Settings of the delivery queue. */
export interface DeliveryOptions {
  /** `${api}/v1/batch` */
  url: string;
  writeKey: string;
  platform: Platform;
  rules: FlushRules;
  maxQueue: number;
  /** Read what a previous page left in the durable store (false when consent is withdrawn). */
  restore: boolean;
}

/** The outgoing queue: batching, retries, beacons and the durable copy. */
export interface Delivery {
  /** Queues one serialised message; returns false when it is too large to ever be accepted. */
  enqueue(id: string, json: string): boolean;
  /** Sends everything now, batch after batch, until the queue is empty or a request fails. */
  flush(): Promise<void>;
  /** Hands what is queued to `sendBeacon` (page is being hidden or unloaded). */
  beacon(): void;
  /** Forgets everything queued, here and in the durable store. */
  clear(): void;
  /** Stops all timers; nothing is sent afterwards. */
  destroy(): void;
}

const perRequest = { maxCount: limits.maxBatchMessages, maxBytes: limits.maxBeaconBytes };
/** Longest wait for the durable store before sending this page's own messages. */
const restoreWaitMs = 3000;
/**
 * Start of the localStorage key (the app's key follows) of the unload copy: the queued messages
 * IndexedDB had not confirmed when a page was hidden. A tab may close before its IndexedDB write
 * commits, and a beacon to an unreachable collector is lost, but a localStorage write is synchronous.
 */
export const unloadCopyKey = 'waymark.unsent.';

/** Creates the delivery queue and starts sending whatever the durable store holds. */
export function createDelivery({ url, writeKey, platform, rules, maxQueue, restore }: DeliveryOptions): Delivery {
  const { queue: store, now } = platform;
  let queue: QueuedMessage[] = [];
  // One tab never sends a message twice at the same time: ids of the request in flight.
  const inFlight = new Set<string>();
  let beaconed = new Set<string>();
  let dropped = 0;
  let loaded = false;
  let cleared = false;
  let attempt = 0;
  let blockedUntil = 0;
  let lastAt = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<boolean> | undefined;

  const pending = (): QueuedMessage[] => queue.filter((m) => !inFlight.has(m.id));

  function forget(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    queue = queue.filter((m) => !gone.has(m.id));
    for (const id of ids) beaconed.delete(id);
    void store.remove([...ids]);
  }

  function setDropped(count: number): void {
    dropped = count;
    void store.setDropped(count);
  }

  function evict(): void {
    const over = queue.length - maxQueue;
    if (over <= 0) return;
    forget(queue.slice(0, over).map((m) => m.id));
    setDropped(dropped + over);
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || !loaded || current !== undefined) return;
    const waiting = pending();
    const t = now();
    const bytes = waiting.reduce((sum, m) => sum + m.bytes, 0);
    const delay = Math.max(flushDelay({ count: waiting.length, bytes, oldestAt: waiting[0]?.at ?? t }, t, rules), blockedUntil - t);
    if (delay === Infinity) return;
    timer = setTimeout(() => void send(), delay);
  }

  function settle(batch: QueuedMessage[], sentDropped: number, outcome: Awaited<ReturnType<typeof postBatch>>): boolean {
    for (const m of batch) inFlight.delete(m.id);
    current = undefined;
    if (outcome.kind === 'retry') {
      blockedUntil = now() + (outcome.afterMs ?? backoffDelay(attempt, platform.random));
      attempt++;
    } else {
      attempt = 0;
      blockedUntil = 0;
      // Every status the collector names (accepted, duplicate, rejected) is final; a refused batch (4xx) too.
      forget(outcome.kind === 'drop' ? batch.map((m) => m.id) : outcome.ids);
      if (outcome.kind === 'done' && sentDropped > 0) setDropped(Math.max(0, dropped - sentDropped));
    }
    schedule();
    return outcome.kind !== 'retry';
  }

  function send(): Promise<boolean> {
    if (current !== undefined) return current;
    const batch = stopped ? [] : takeBatch(pending(), perRequest);
    if (batch.length === 0) return Promise.resolve(true);
    for (const m of batch) inFlight.add(m.id);
    const sentDropped = dropped;
    const body = batchBody(batch, writeKey, now(), sentDropped);
    current = postBatch(platform, url, body).then((outcome) => settle(batch, sentDropped, outcome));
    return current;
  }

  const { storage } = platform;
  const copyKey = unloadCopyKey + writeKey;
  // Queued messages neither confirmed durable by the store nor copied yet: what closing the page now would lose.
  const unsaved = new WeakSet<QueuedMessage>();
  const save = (m: QueuedMessage): void => {
    unsaved.add(m);
    void store.put(m).then((durable) => durable && unsaved.delete(m));
  };
  const copied = (): QueuedMessage[] => {
    const value = readJson(storage, copyKey);
    return Array.isArray(value) ? value.filter(isQueued) : [];
  };
  // A previous page's copy is queued at once (copied again if this page closes before the store
  // confirms it) and stored; the collector ignores any message it already has.
  if (restore) for (const m of copied()) queue.push(m), save(m);
  writeItem(storage, copyKey, undefined);
  const ready = restore
    ? Promise.all([store.all(), store.getDropped()]).then(([stored, count]) => {
        if (cleared) return;
        const known = new Set(queue.map((m) => m.id));
        const older = stored.filter((m) => !known.has(m.id)).sort((a, b) => a.at - b.at);
        queue = [...older, ...queue];
        if (count > 0) setDropped(dropped + count);
        evict();
      })
    : Promise.resolve();
  // An injected store may reject, and IndexedDB can hang (seen with blocked upgrades): either way,
  // after a few seconds this page's own messages go out; what the store holds joins when it arrives.
  let restoreTimer: ReturnType<typeof setTimeout> | undefined;
  const loading = Promise.race([ready.catch(() => undefined), new Promise<void>((r) => (restoreTimer = setTimeout(r, restoreWaitMs)))]);
  void loading.then(() => {
    clearTimeout(restoreTimer);
    loaded = true;
    schedule();
  });

  return {
    enqueue(id, json) {
      // UTF-8 bytes, as core's byteLength counts them (JSON has no lone surrogates); the encoder is
      // smaller in the tracker than the counting loop.
      const bytes = new TextEncoder().encode(json).length;
      if (bytes > limits.maxMessageBytes) return false;
      // Strictly increasing, so messages queued in the same millisecond keep their order after a reload.
      lastAt = Math.max(now(), lastAt + 0.001);
      const message = { id, json, bytes, at: lastAt };
      queue.push(message);
      save(message);
      evict();
      schedule();
      return true;
    },
    async flush() {
      await loading;
      blockedUntil = 0;
      // Bounded: a flush never spins, even if the queue keeps refilling.
      for (let round = 0; round < 100 && !stopped; round++) {
        if (current !== undefined) {
          if (!(await current)) break;
        } else if (pending().length === 0 || !(await send())) break;
      }
    },
    beacon() {
      if (stopped) return;
      const sent = sendBeacons(
        pending().filter((m) => !beaconed.has(m.id)),
        url,
        writeKey,
        platform,
      );
      for (const id of sent) beaconed.add(id);
      // Added to the copy (another tab's may be there), which keeps the newest that one beacon could carry.
      // Each leaves `unsaved` as it is copied, so a later hide copies only newer ones.
      const unconfirmed = queue.filter((m) => unsaved.has(m) && unsaved.delete(m));
      if (unconfirmed.length > 0) writeItem(storage, copyKey, JSON.stringify(takeBatch([...copied(), ...unconfirmed].reverse(), perRequest).reverse()));
    },
    clear() {
      cleared = true;
      queue = [];
      beaconed = new Set();
      dropped = 0;
      attempt = 0;
      blockedUntil = 0;
      void store.clear();
      writeItem(storage, copyKey, undefined);
      schedule();
    },
    destroy() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(restoreTimer);
    },
  };
}

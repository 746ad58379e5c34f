import { backoffDelay, byteLength, flushDelay, limits, takeBatch, type FlushRules } from '@waymark/core';
import { postBatch } from './post-batch.js';
import { batchBody } from './batch-body.js';
import { sendBeacons } from './send-beacons.js';
import type { Platform } from './platform.js';
import type { QueuedMessage } from './queue-store.js';

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
 * localStorage key of the messages still queued when the page was last hidden: an IndexedDB write
 * may not have committed when a tab closes, and a beacon to an unreachable collector is lost, but
 * a localStorage write is synchronous. The next page merges them (the collector ignores repeats).
 */
export const spillKey = 'waymark.unsent';

/** Creates the delivery queue and starts sending whatever the durable store holds. */
export function createDelivery({ url, writeKey, platform, rules, maxQueue, restore }: DeliveryOptions): Delivery {
  const { queue: store, now } = platform;
  let queue: QueuedMessage[] = [];
  // One tab never sends a message twice at the same time: ids of the request in flight.
  const inFlight = new Set<string>();
  let beaconed = new Set<string>();
  let dropped = 0;
  let loaded = false;
  let epoch = 0;
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
    if (stopped || !loaded || current) return;
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
    if (current) return current;
    const batch = stopped ? [] : takeBatch(pending(), perRequest);
    if (batch.length === 0) return Promise.resolve(true);
    for (const m of batch) inFlight.add(m.id);
    const sentDropped = dropped;
    const body = batchBody(batch, writeKey, new Date(now()).toISOString(), sentDropped);
    current = postBatch(platform, url, body).then((outcome) => settle(batch, sentDropped, outcome));
    return current;
  }

  const { storage } = platform;
  let spilled: QueuedMessage[] = [];
  try {
    if (restore) spilled = JSON.parse(storage?.getItem(spillKey) || '[]');
    storage?.removeItem(spillKey);
  } catch {
    // storage blocked or the value damaged: IndexedDB still has what it committed
  }
  // Queued at once (a page closed before IndexedDB answers spills them again) and stored.
  queue = [...spilled];
  for (const m of spilled) void store.put(m);
  const ready = restore
    ? Promise.all([store.all(), store.getDropped()]).then(([stored, count]) => {
        if (epoch !== 0) return;
        const mine = queue.filter((m) => !spilled.includes(m));
        const known = new Set(mine.map((m) => m.id));
        // A previous page's messages first (each once: a spilled one may be stored too), then this page's.
        const older = [...stored, ...queue.filter((m) => spilled.includes(m))].filter((m) => !known.has(m.id) && known.add(m.id)).sort((a, b) => a.at - b.at);
        queue = [...older, ...mine];
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
      const bytes = byteLength(json);
      if (bytes > limits.maxMessageBytes) return false;
      // Strictly increasing, so messages queued in the same millisecond keep their order after a reload.
      lastAt = Math.max(now(), lastAt + 0.001);
      const message = { id, json, bytes, at: lastAt };
      queue.push(message);
      void store.put(message);
      evict();
      schedule();
      return true;
    },
    async flush() {
      await loading;
      blockedUntil = 0;
      // Bounded: a flush never spins, even if the queue keeps refilling.
      for (let round = 0; round < 100 && !stopped; round++) {
        if (current) {
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
      try {
        storage?.setItem(spillKey, JSON.stringify(queue));
      } catch {
        // storage full or blocked: the beacon and IndexedDB are all there is
      }
    },
    clear() {
      epoch++;
      queue = [];
      beaconed = new Set();
      dropped = 0;
      attempt = 0;
      blockedUntil = 0;
      void store.clear();
      try {
        storage?.removeItem(spillKey);
      } catch {
        // see beacon()
      }
      schedule();
    },
    destroy() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(restoreTimer);
    },
  };
}

import { vi } from 'vitest';
import { createWaymark, createMemoryStore, type PostInit, type QueueStore, type ResponseLike, type WaymarkOptions } from '../src/index.js';

/** A batch request as the fake collector received it. */
export interface Envelope {
  batch: Array<Record<string, unknown> & { messageId: string; type: string; context: Record<string, unknown> }>;
  sentAt: string;
  writeKey: string;
  dropped?: number;
}

/** A fetch response the tracker can read. */
export function response(status: number, body: unknown = {}, headers: Record<string, string> = {}): ResponseLike {
  return { status, headers: new Headers(headers), json: async () => body };
}

/** The collector's normal answer: every message accepted. */
export function acceptAll(envelope: Envelope): ResponseLike {
  return response(200, { results: envelope.batch.map((m) => ({ messageId: m.messageId, status: 'accepted' })) });
}

/** A localStorage stand-in. */
export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, String(v)),
    removeItem: (k: string) => void map.delete(k),
  };
}

/** A tracker wired to a fake collector; `respond` decides each answer (default: accept all). */
export function setup(
  options: Partial<WaymarkOptions> & {
    respond?: (envelope: Envelope, attempt: number) => ResponseLike | Promise<ResponseLike>;
    store?: QueueStore;
    storage?: Storage;
  } = {},
) {
  const requests: Envelope[] = [];
  const beacons: Envelope[] = [];
  const store = options.store ?? createMemoryStore();
  const storage = options.storage ?? memoryStorage();
  const respond = options.respond ?? acceptAll;
  const fetch = vi.fn(async (_url: string, init: PostInit) => {
    const envelope = JSON.parse(init.body) as Envelope;
    requests.push(envelope);
    return respond(envelope, requests.length);
  });
  const beaconBodies: string[] = [];
  const sendBeacon = vi.fn((_url: string, body: Blob) => {
    // Blob text is async; the tests read it through `beaconTexts()`.
    beaconBodies.push('');
    void body.text().then((t) => {
      beaconBodies[beaconBodies.length - 1] = t;
      beacons.push(JSON.parse(t) as Envelope);
    });
    return true;
  });
  const { respond: _r, store: _s, storage: _st, ...rest } = options;
  const waymark = createWaymark({
    key: 'pk_test',
    api: 'https://collector.test',
    // Guidance (config, state, UI) has its own tests; here only batches reach the fake collector.
    ui: false,
    ...rest,
    platform: { fetch, sendBeacon, queue: store, storage, random: () => 0.5, ...rest.platform },
  });
  /** All messages the collector received, in order. */
  const messages = () => requests.flatMap((r) => r.batch);
  return { waymark, requests, beacons, fetch, sendBeacon, store, storage, messages };
}

/** Lets pending promise callbacks (store loads, fetch answers) run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** Replaces the global fetch with a collector that accepts everything, recording each envelope. */
export function stubAcceptingFetch(requests: Envelope[]): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: { body: string }) => {
      // The GETs for config and user state: this collector has no config.
      if (!init) return response(404, { error: { code: 'no_config' } });
      const envelope = JSON.parse(init.body) as Envelope;
      requests.push(envelope);
      return acceptAll(envelope);
    }),
  );
}

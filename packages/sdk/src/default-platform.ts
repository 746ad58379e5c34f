import { createIdbStore } from './idb-store.js';
import type { KeyValueStorage, Platform } from './platform.js';
import type { QueueStore } from './queue-store.js';

function localStore(): KeyValueStorage | undefined {
  try {
    // Reading the property throws when storage is blocked (sandboxed iframes, some privacy modes).
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function queueStore(): QueueStore {
  try {
    if (typeof indexedDB !== 'undefined') return createIdbStore();
  } catch {
    // indexedDB.open can throw synchronously (e.g. SecurityError in opaque origins).
  }
  // Then nothing outlives the page but the unload copy: the delivery queue holds this page's
  // messages, so a store that keeps nothing does what a memory store would.
  const none = async (): Promise<void> => undefined;
  return { all: async () => [], put: none, remove: none, clear: none, getDropped: async () => 0, setDropped: none };
}

/** The browser's capabilities, with `overrides` taking precedence; built lazily so nothing runs at import. */
export function defaultPlatform(overrides: Partial<Platform> = {}): Platform {
  return {
    fetch: overrides.fetch ?? ((url, init) => fetch(url, init)),
    sendBeacon: overrides.sendBeacon ?? ((url, body) => !!navigator.sendBeacon?.(url, body)),
    storage: 'storage' in overrides ? overrides.storage : localStore(),
    queue: overrides.queue ?? queueStore(),
    // Neither reads `this`.
    now: overrides.now ?? Date.now,
    random: overrides.random ?? Math.random,
    randomBytes: overrides.randomBytes ?? ((n) => crypto.getRandomValues(new Uint8Array(n))),
  };
}

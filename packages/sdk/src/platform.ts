import type { RandomBytes } from '@waymark/core';
import type { QueueStore } from './queue-store.js';

/** The part of a fetch `Response` the tracker reads. */
export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

/** The request the tracker makes to `POST /v1/batch`. */
export interface PostInit {
  method: 'POST';
  keepalive: boolean;
  body: string;
  headers: Record<string, string>;
}

/** A localStorage-like string store. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Everything the tracker needs from its surroundings, injectable for tests and other runtimes. */
export interface Platform {
  /** `init` is absent for the simple GETs of config and user state. */
  fetch(url: string, init?: PostInit): Promise<ResponseLike>;
  sendBeacon(url: string, body: Blob): boolean;
  /** Where identity and consent are persisted; undefined when unavailable. */
  storage: KeyValueStorage | undefined;
  /**
   * Per-tab storage (sessionStorage in browsers) for the UI's session id; undefined when
   * unavailable. Optional: the UI chunk defaults it, so the tracker carries none of it.
   */
  sessionStorage?: KeyValueStorage | undefined;
  /** The durable message queue (IndexedDB in browsers). */
  queue: QueueStore;
  now(): number;
  /** A number in [0, 1), for retry jitter. */
  random(): number;
  randomBytes: RandomBytes;
}

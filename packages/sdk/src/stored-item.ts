import type { KeyValueStorage } from './platform.js';

// Storage can throw on every call (blocked, quota, sandboxed frames): a read then finds nothing and
// a write does nothing, and the tracker carries on in memory.

/** The string stored at `key`; null or undefined when there is none. */
export function readItem(storage: KeyValueStorage | undefined, key: string): string | null | undefined {
  try {
    return storage?.getItem(key);
  } catch {
    return undefined;
  }
}

/** The JSON stored at `key`, parsed; undefined when there is none or it is damaged. */
export function readJson(storage: KeyValueStorage | undefined, key: string): unknown {
  try {
    return JSON.parse(readItem(storage, key) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` at `key`, or removes the key when `value` is undefined. */
export function writeItem(storage: KeyValueStorage | undefined, key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // see above
  }
}

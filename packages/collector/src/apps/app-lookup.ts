import type { Sql } from '../db/sql.js';
import { findAppByKey, type KeyMatch } from './apps.js';

/** Finds the app of a key (and which of its keys it is), or undefined. */
export type AppLookup = (key: string) => Promise<KeyMatch | undefined>;

/**
 * `findAppByKey` with a short in-memory cache, so ingest does not query the apps table on every
 * request. A rotated or unknown key is therefore noticed within `ttlMs` (unknown keys are kept
 * for a tenth of it, so a just-created app works almost at once).
 */
export function createAppLookup(sql: Pick<Sql, 'query'>, options: { ttlMs: number; maxEntries?: number; now?: () => number } = { ttlMs: 5000 }): AppLookup {
  const now = options.now ?? Date.now;
  const max = options.maxEntries ?? 10_000;
  const cache = new Map<string, { at: number; ttl: number; value: Awaited<ReturnType<AppLookup>> }>();
  return async (key) => {
    const hit = cache.get(key);
    if (hit && now() - hit.at < hit.ttl) return hit.value;
    const value = await findAppByKey(sql, key);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(key, { at: now(), ttl: value ? options.ttlMs : options.ttlMs / 10, value });
    return value;
  };
}

import type { WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { currentConfigTag, getConfig } from './app-configs.js';

/** An app's current config: its version, ETag, the served JSON text and the parsed document. */
export interface CurrentConfig {
  version: number;
  etag: string;
  text: string;
  config: WaymarkConfig;
}

/** Reads an app's current config; undefined when it has none. */
export type CurrentConfigReader = (appId: string) => Promise<CurrentConfig | undefined>;

/**
 * Reads the current config with one small query (version and ETag) and keeps the parsed documents
 * of recent ETags in memory, so a config of up to 1 MiB is not fetched and parsed on every request.
 * A push is seen by the next request on every collector: nothing is cached by time.
 */
export function createCurrentConfigReader(sql: Pick<Sql, 'query'>, maxEntries = 200): CurrentConfigReader {
  const parsed = new Map<string, CurrentConfig>();
  return async (appId) => {
    const tag = await currentConfigTag(sql, appId);
    if (!tag) return undefined;
    const key = `${appId}\u0000${tag.etag}`;
    const hit = parsed.get(key);
    if (hit) return hit;
    const stored = await getConfig(sql, appId, tag.version);
    if (!stored) return undefined;
    // Stored configs were validated by validateConfig on push, so the text parses to a WaymarkConfig.
    const entry: CurrentConfig = { version: stored.version, etag: stored.etag, text: stored.config, config: JSON.parse(stored.config) as WaymarkConfig };
    if (parsed.size >= maxEntries) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, entry);
    return entry;
  };
}

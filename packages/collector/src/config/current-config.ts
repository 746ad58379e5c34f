import { validateConfig, type WaymarkConfig } from '@waymark/core';
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
    // Validated again from the document as pushed, so a config pushed before a section existed
    // (announcements) has that section's defaults. It passed validation on push; should it fail
    // today's rules, the config as validated then is served.
    const again = validateConfig(JSON.parse(stored.source));
    const config = again.ok ? again.config : (JSON.parse(stored.config) as WaymarkConfig);
    const entry: CurrentConfig = { version: stored.version, etag: stored.etag, text: again.ok ? JSON.stringify(config) : stored.config, config };
    if (parsed.size >= maxEntries) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, entry);
    return entry;
  };
}

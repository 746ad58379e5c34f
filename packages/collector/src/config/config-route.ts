import { Hono } from 'hono';
import type { AppLookup } from '../apps/app-lookup.js';
import type { CurrentConfigReader } from './current-config.js';
import { ApiError } from '../http/api-error.js';
import { browserCors } from '../apps/browser-cors.js';
import { browserKey } from '../apps/browser-key.js';
import type { CollectorEnv } from '../http/env.js';

const cacheControl = 'public, max-age=60, stale-while-revalidate=600';

/** Whether an If-None-Match header names this ETag (a list, weak validators and `*` included). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * `GET /v1/config?key=pk_...`: the app's current config for the SDK, `{ version, config }`, with a
 * strong ETag per version (304 on If-None-Match) and cacheable for a minute.
 */
export function configRoute(lookup: AppLookup, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.use('*', browserCors());
  route.get('/', async (c) => {
    const { app } = await browserKey(c, lookup);
    const current = await currentConfig(app.appId);
    if (!current) throw new ApiError(404, 'no_config', 'this app has no config yet; push one with "waymark push waymark.config.json"');
    const headers = { ETag: current.etag, 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' };
    if (matches(c.req.header('if-none-match'), current.etag)) return c.body(null, 304, headers);
    return c.body(`{"version":${current.version},"config":${current.text}}`, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
  return route;
}

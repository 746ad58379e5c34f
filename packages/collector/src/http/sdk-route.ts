import { Hono } from 'hono';
import { ApiError } from './api-error.js';
import { createFileCache } from './file-cache.js';
import type { CollectorEnv } from './env.js';

const servable = /^[a-z0-9][a-z0-9.-]*\.js(\.map)?$/i;

/**
 * `GET /sdk/:file`: the SDK build, served by the collector itself so the script tag is
 * first-party to it. Files are cached in memory and re-read when they change on disk.
 */
export function sdkRoute(sdkDir: string | undefined): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  const read = createFileCache();
  route.get('/:file', async (c) => {
    const file = c.req.param('file');
    if (!sdkDir || !servable.test(file)) throw new ApiError(404, 'not_found', `no SDK file named ${file}`);
    const entry = await read(sdkDir, file, () => new ApiError(404, 'not_found', `no SDK file named ${file} (is the SDK built? run "pnpm build")`));
    const headers = {
      'Content-Type': file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400',
      ETag: entry.etag,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(entry.body), 200, headers);
  });
  return route;
}

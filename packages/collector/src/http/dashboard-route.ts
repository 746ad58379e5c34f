import { Hono, type Context } from 'hono';
import { ApiError } from './api-error.js';
import { createFileCache } from './file-cache.js';
import type { CollectorEnv } from './env.js';

// Files of the build (index.html, app.js, app.css, ...): one path segment, a known extension.
const asset = /^[a-z0-9][a-z0-9.-]*\.(js|css|html|map|svg|png|ico|txt)$/i;
const types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  map: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
};
// No inline scripts or styles anywhere in the dashboard; uPlot and Preact style through the CSSOM, which CSP allows.
const csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * `GET /dashboard`, `/dashboard/` and `/dashboard/*`: the CSM dashboard's build. Build files are served as they
 * are; any other path (a client route such as /dashboard/accounts/acme) gets index.html, so a
 * reload or a shared link opens the same view. Files are cached in memory and re-read when they
 * change on disk; every answer carries a strict Content-Security-Policy.
 */
export function dashboardRoute(dashboardDir: string | undefined): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  const read = createFileCache();

  const serve = async (c: Context<CollectorEnv>, file: string) => {
    const missing = () => new ApiError(404, 'not_found', `no dashboard file named ${file} (is the dashboard built? run "pnpm build")`);
    if (!dashboardDir) throw missing();
    const entry = await read(dashboardDir, file, missing);
    const headers = {
      'Content-Type': types[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream',
      // File names carry no hash: browsers revalidate (a 304 is cheap), so a new build shows at once.
      'Cache-Control': 'no-cache',
      ETag: entry.etag,
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
    };
    if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(entry.body), 200, headers);
  };

  route.get('/', (c) => serve(c, 'index.html'));
  // `.*`: `/dashboard/` (the path the dashboard's own links use) is index.html too.
  route.get('/:path{.*}', (c) => {
    const path = c.req.param('path');
    if (path === '') return serve(c, 'index.html');
    if (asset.test(path)) return serve(c, path);
    // A name with an extension that is not a build file is a missing file, not a client route.
    if (/\.[a-z0-9]+$/i.test(path) && !path.includes('/')) throw new ApiError(404, 'not_found', `no dashboard file named ${path}`);
    return serve(c, 'index.html');
  });
  return route;
}

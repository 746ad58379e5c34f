import { Hono } from 'hono';
import { configVersionQuerySchema, maxConfigBytes, pushConfigQuerySchema, restoreConfigBodySchema, validateConfig } from '@waymark/core';
import { getConfig, listConfigVersions, putConfig, restoreConfig, type StoredConfig } from './app-configs.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseJson } from '../http/parse-json.js';
import { parseQuery } from '../http/parse-query.js';
import { readBody } from '../http/read-body.js';
import { jsonBody } from '../http/json-body.js';
import { secretKeyForWrites } from '../auth/secret-key-for-writes.js';

// The document is limited to maxConfigBytes as compact JSON (validateConfig checks it); the body
// may be pretty-printed, so it gets room for the whitespace.
const maxBodyBytes = 2 * maxConfigBytes;
const tooLarge = (max: number) =>
  new ApiError(
    413,
    'config_too_large',
    `the request body is larger than ${Math.round(max / 1024)} KB; a config can be at most ${maxConfigBytes / 1024} KB of compact JSON`,
  );

const versionFields = (v: StoredConfig) => ({ version: v.version, etag: v.etag, createdAt: v.createdAt, note: v.note, restoredFrom: v.restoredFrom });

/**
 * `/v1/admin/config` (secret key, mounted under the admin routes): push a config (validated by
 * core's validateConfig; a new version unless it equals the current one), read the current or a
 * given version as pushed, list versions, and restore one as a new version.
 */
export function adminConfigRoute(deps: RouteDeps): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  // Pushing and restoring configs is the product team's job (secret key); CSMs may read.
  route.use('*', secretKeyForWrites());

  route.put('/', async (c) => {
    const q = parseQuery(pushConfigQuerySchema, c.req.query());
    const type = (c.req.header('content-type') ?? 'application/json').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      throw new ApiError(415, 'unsupported_content_type', `Content-Type ${type} is not accepted; send the config as application/json`);
    const document = parseJson(await readBody(c.req.raw, maxBodyBytes, c.env?.incoming, tooLarge));
    const result = validateConfig(document);
    if (!result.ok) {
      const first = result.errors[0]!;
      throw new ApiError(
        400,
        'invalid_config',
        `the config has ${result.errors.length} problem(s); first: ${first.path || '(document)'}: ${first.message}`,
        first.path || undefined,
        {
          errors: result.errors,
        },
      );
    }
    const stored = await putConfig(deps.sql, c.get('app').appId, { document, config: result.config, note: q.note });
    return c.json({ version: stored.version, etag: stored.etag, created: stored.created }, stored.created ? 201 : 200);
  });

  route.get('/', async (c) => {
    const q = parseQuery(configVersionQuerySchema, c.req.query());
    const stored = await getConfig(deps.sql, c.get('app').appId, q.version);
    if (!stored && q.version !== undefined) throw new ApiError(404, 'version_not_found', `this app has no config version ${q.version}`, 'version');
    if (!stored) throw new ApiError(404, 'no_config', 'this app has no config yet; push one with "waymark push waymark.config.json"');
    // The document as pushed, in the author's key order (what `waymark pull` writes back).
    const head = JSON.stringify(versionFields(stored)).slice(0, -1);
    return c.body(`${head},"config":${stored.source}}`, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  });

  route.get('/versions', async (c) => c.json({ versions: await listConfigVersions(deps.sql, c.get('app').appId) }));

  route.post('/restore', async (c) => {
    const body = await jsonBody(c.req.raw, c.env?.incoming, restoreConfigBodySchema, 4096, { field: 'version', hint: 'send {"version": N}' });
    const restored = await restoreConfig(deps.sql, c.get('app').appId, body.version, body.note);
    if (!restored) throw new ApiError(404, 'version_not_found', `this app has no config version ${body.version}`, 'version');
    return c.json({ version: restored.version, etag: restored.etag, restoredFrom: restored.restoredFrom }, 201);
  });

  return route;
}

import { Hono } from 'hono';
import { stateQuerySchema } from '@waymark/core';
import type { AppLookup } from '../apps/app-lookup.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { readUserState } from './read-user-state.js';
import { requireUserHash } from '../apps/require-user-hash.js';
import { ApiError } from '../http/api-error.js';
import { browserCors } from '../apps/browser-cors.js';
import { browserKey } from '../apps/browser-key.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';

/**
 * `GET /v1/state?key=pk_...&userId=...&userHash=...` (or `&anonymousId=...` before identify):
 * the user's progress as the collector knows it. With identity verification on, a userId must
 * come with its userHash unless the secret key is used.
 */
export function stateRoute(deps: RouteDeps, lookup: AppLookup, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.use('*', browserCors());
  route.get('/', async (c) => {
    const found = await browserKey(c, lookup);
    const q = parseQuery(stateQuerySchema, c.req.query());
    if (q.userId === undefined && q.anonymousId === undefined)
      throw new ApiError(400, 'invalid_query', 'give userId (after identify) or anonymousId', 'userId');
    if (q.userId !== undefined && found.kind === 'public' && found.app.requireUserHash) {
      requireUserHash(
        found.secretKey,
        q.userId,
        q.userHash,
        'this app requires identity verification: send userHash = hex(HMAC-SHA256(secret key, userId)), computed by your server',
      );
    }
    const state = await readUserState(deps.sql, found.app.appId, q, await currentConfig(found.app.appId), deps.now());
    return c.json(state, 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}

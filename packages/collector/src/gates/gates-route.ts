import type { Hono } from 'hono';
import { gatesQuerySchema } from '@waymark/core';
import type { AppLookup } from '../apps/app-lookup.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { readUserGates } from './user-gates.js';
import { requireUserHash } from '../apps/require-user-hash.js';
import { ApiError } from '../http/api-error.js';
import { browserGetRoute } from '../apps/browser-route.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';

/**
 * `GET /v1/gates?userId=...[&gate=KEY]`: a user's gates, so the vendor's backend enforces the same
 * decision the browser shows. With the secret key any user; with the public key only with the
 * user's userHash (always, whether or not the app requires identity verification), so no one reads
 * another user's gates by guessing a userId.
 */
export function gatesRoute(deps: RouteDeps, lookup: AppLookup, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  return browserGetRoute(lookup, gatesQuerySchema, async (c, found, q) => {
    if (found.kind === 'public') {
      if (!found.secretKey) {
        throw new ApiError(
          401,
          'invalid_user_hash',
          "this app's secret key predates identity verification; rotate the keys, or call with the secret key",
          'userHash',
        );
      }
      requireUserHash(
        found.secretKey,
        q.userId,
        q.userHash,
        'with the public key, gates need userHash = hex(HMAC-SHA256(secret key, userId)), computed by your server; or call with the secret key',
      );
    }
    const config = await currentConfig(found.app.appId);
    if (q.gate !== undefined && !config?.config.gates.some((g) => g.key === q.gate)) {
      throw new ApiError(404, 'unknown_gate', `the current config has no gate "${q.gate}"`, 'gate');
    }
    const gates = await readUserGates(deps.sql, found.app.appId, q.userId, config, deps.now(), q.gate);
    return c.json({ gates }, 200, { 'Cache-Control': 'no-store' });
  });
}

import type { Hono } from 'hono';
import { pickTraits, stateQuerySchema, traitsInUse } from '@waymark/core';
import type { AppLookup } from '../apps/app-lookup.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { readUserState } from './read-user-state.js';
import { requireUserHash } from '../apps/require-user-hash.js';
import { userHashValid } from '../apps/user-hash.js';
import { ApiError } from '../http/api-error.js';
import { browserGetRoute } from '../apps/browser-route.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';

/**
 * `GET /v1/state?key=pk_...&userId=...&userHash=...` (or `&anonymousId=...` before identify):
 * the user's progress as the collector knows it. With identity verification on, a userId must
 * come with its userHash unless the secret key is used. Without a verified user (or the secret
 * key), the traits served are only those the config reads.
 */
export function stateRoute(deps: RouteDeps, lookup: AppLookup, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  return browserGetRoute(lookup, stateQuerySchema, async (c, found, q) => {
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
    const config = await currentConfig(found.app.appId);
    const state = await readUserState(deps.sql, found.app.appId, q, config, deps.now());
    // Unverified, anyone with the public key can ask for any user id: serve only the traits the
    // config reads (its conditions and texts) and the account's lifecycle stage, never the rest
    // (an email, a phone number).
    const verified =
      found.kind === 'secret' ||
      (q.userId !== undefined && found.secretKey !== null && q.userHash !== undefined && userHashValid(found.secretKey, q.userId, q.userHash));
    if (!verified) {
      const used = traitsInUse(config?.config);
      for (const scope of ['user', 'account'] as const) {
        const s = state.snapshot[scope];
        s.traits = { ...pickTraits(s.traits, used[scope]), ...(scope === 'account' && '$stage' in s.traits ? { $stage: s.traits['$stage'] } : {}) };
        if (s.trustedTraits) s.trustedTraits = pickTraits(s.trustedTraits, used[scope]);
      }
    }
    return c.json(state, 200, { 'Cache-Control': 'no-store' });
  });
}

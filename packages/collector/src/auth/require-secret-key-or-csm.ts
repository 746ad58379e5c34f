import type { MiddlewareHandler } from 'hono';
import type { AppLookup } from '../apps/app-lookup.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { requireCsm } from './require-csm.js';
import { requireSecretKey } from '../apps/require-secret-key.js';
import { readSessionToken } from './session-cookie.js';

/**
 * Middleware for the app-scoped admin routes: the app's secret key (Authorization header), or,
 * without one, a CSM session with access to the app named by the `appId` query parameter.
 * Without either the answer is the secret key's 401 (`missing_key`), as before sessions existed.
 */
export function requireSecretKeyOrCsm(deps: RouteDeps, lookup: AppLookup): MiddlewareHandler<CollectorEnv> {
  const byKey = requireSecretKey(lookup);
  const bySession = requireCsm(deps, { appId: (c) => c.req.query('appId') });
  return async function requireSecretKeyOrCsm(c, next) {
    if (c.req.header('authorization') === undefined && readSessionToken(c) !== undefined) return bySession(c, next);
    return byKey(c, next);
  };
}

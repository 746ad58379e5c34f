import type { Context, MiddlewareHandler } from 'hono';
import { csmAppAccess } from './csm-app-access.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { loadCsm } from './load-csm.js';

/** What `requireCsm` checks beyond a live session. */
export interface RequireCsmOptions {
  /** Only admins pass (403 `admin_required` for a `csm`). */
  role?: 'admin';
  /**
   * The app the request is about. The CSM must be allowed to see it: an admin any app, a `csm`
   * the apps granted to them. Otherwise 404 `app_not_found`, the same answer as for an app that
   * does not exist, so app ids cannot be probed. On success the `app` variable is set.
   */
  appId?: (c: Context<CollectorEnv>) => string | undefined;
}

/**
 * Middleware for dashboard routes: a CSM session cookie (401 `not_logged_in` without a live
 * one), optionally an admin, optionally with access to the request's app. Sets `csm` (and `app`).
 */
export function requireCsm(deps: RouteDeps, options: RequireCsmOptions = {}): MiddlewareHandler<CollectorEnv> {
  return async function requireCsm(c, next) {
    const csm = c.get('csm') ?? (await loadCsm(c, deps));
    if (!csm) throw new ApiError(401, 'not_logged_in', 'log in first (POST /v1/auth/login); the session may have expired');
    if (options.role === 'admin' && csm.role !== 'admin') throw new ApiError(403, 'admin_required', 'only CSM admins may do this');
    if (options.appId) {
      const appId = options.appId(c);
      if (!appId) throw new ApiError(400, 'app_required', 'appId: name the app (query parameter appId)', 'appId');
      const app = await csmAppAccess(deps.sql, csm, appId);
      if (!app) throw new ApiError(404, 'app_not_found', `no app "${appId}" that you can see`, 'appId');
      c.set('app', app);
    }
    await next();
  };
}

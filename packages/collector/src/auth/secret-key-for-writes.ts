import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/api-error.js';
import type { CollectorEnv } from '../http/env.js';

/** Middleware: CSM sessions may read here, but changes need the app's secret key (403 `secret_key_required`). */
export function secretKeyForWrites(): MiddlewareHandler<CollectorEnv> {
  return async function secretKeyForWrites(c, next) {
    if (c.get('csm') && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      throw new ApiError(403, 'secret_key_required', "a CSM session may read this but not change it; use the app's secret key (waymark push)");
    }
    await next();
  };
}

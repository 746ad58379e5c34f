import type { MiddlewareHandler } from 'hono';
import type { AppLookup } from './app-lookup.js';
import type { CollectorEnv } from '../http/env.js';
import { authenticateKey } from './authenticate-key.js';
import { keyFromAuthorization } from './write-key.js';

/** Middleware for admin routes: the app's secret key as a Bearer token (or Basic user name). */
export function requireSecretKey(lookup: AppLookup): MiddlewareHandler<CollectorEnv> {
  return async function requireSecretKey(c, next) {
    const { app, kind } = await authenticateKey(lookup, keyFromAuthorization(c.req.header('authorization')), undefined, ['secret']);
    c.set('app', app);
    c.set('keyKind', kind);
    await next();
  };
}

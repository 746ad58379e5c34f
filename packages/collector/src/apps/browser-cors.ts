import type { MiddlewareHandler } from 'hono';
import { originAllowed } from './origin-allowed.js';
import type { CollectorEnv } from '../http/env.js';

/**
 * For browser GETs authenticated by the app's key (`/v1/config`, `/v1/state`): once the handler
 * has found the app, answers (errors included) carry `Access-Control-Allow-Origin` for origins
 * the app allows, and never for others. Simple GETs, so browsers send no preflight.
 */
export function browserCors(): MiddlewareHandler<CollectorEnv> {
  return async function browserCors(c, next) {
    await next();
    c.res.headers.append('Vary', 'Origin');
    const origin = c.req.header('origin');
    const app = c.get('app');
    if (origin && app && originAllowed(origin, app.origins)) c.res.headers.set('Access-Control-Allow-Origin', origin);
  };
}

import { Hono } from 'hono';
import { userStateParamsSchema } from '@waymark/core';
import type { CurrentConfigReader } from '../config/current-config.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';
import { readUserState } from './read-user-state.js';

/**
 * `GET /v1/admin/users/:userId/state` (mounted under the admin routes): a user's progress as
 * `GET /v1/state` answers it, for support and the dashboard, without the user's hash.
 */
export function adminUserStateRoute(deps: RouteDeps, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.get('/:userId/state', async (c) => {
    const { userId } = parseQuery(userStateParamsSchema, c.req.param());
    const appId = c.get('app').appId;
    return c.json(await readUserState(deps.sql, appId, { userId }, await currentConfig(appId), deps.now()), 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}

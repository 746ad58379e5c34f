import { Hono } from 'hono';
import { z } from 'zod';
import type { CurrentConfigReader } from '../config/current-config.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { readUserState } from './read-user-state.js';

const userIdParam = z.string().min(1).max(200, 'must be at most 200 characters');

/**
 * `GET /v1/admin/users/:userId/state` (mounted under the admin routes): a user's progress as
 * `GET /v1/state` answers it, for support and the dashboard, without the user's hash.
 */
export function adminUserStateRoute(deps: RouteDeps, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.get('/:userId/state', async (c) => {
    const userId = userIdParam.safeParse(c.req.param('userId'));
    if (!userId.success) throw new ApiError(400, 'invalid_query', `userId: ${userId.error.issues[0]?.message ?? 'invalid'}`, 'userId');
    const appId = c.get('app').appId;
    return c.json(await readUserState(deps.sql, appId, { userId: userId.data }, await currentConfig(appId), deps.now()), 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}

import { Hono } from 'hono';
import { stuckQuerySchema } from '@waymark/core';
import { listStuckUsers } from './list-stuck-users.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';

/**
 * `GET /v1/admin/stuck?accountId=&includeCleared=&limit=` (secret key, mounted under the admin
 * routes): the users the collector marked stuck on a checklist item, longest stuck first.
 */
export function adminStuckRoute(deps: RouteDeps): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.get('/', async (c) => {
    const q = parseQuery(stuckQuerySchema, c.req.query());
    const stuck = await listStuckUsers(deps.sql, c.get('app').appId, { accountId: q.accountId, includeCleared: q.includeCleared === 'true', limit: q.limit });
    return c.json({ stuck }, 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}

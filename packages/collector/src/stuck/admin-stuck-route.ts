import { Hono } from 'hono';
import { z } from 'zod';
import { listStuckUsers } from './list-stuck-users.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';

const stuckQuery = z.object({
  accountId: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  includeCleared: z.enum(['true', 'false'], { error: 'must be "true" or "false"' }).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
});

/**
 * `GET /v1/admin/stuck?accountId=&includeCleared=&limit=` (secret key, mounted under the admin
 * routes): the users the collector marked stuck on a checklist item, longest stuck first.
 */
export function adminStuckRoute(deps: RouteDeps): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.get('/', async (c) => {
    const q = parseQuery(stuckQuery, c.req.query());
    const stuck = await listStuckUsers(deps.sql, c.get('app').appId, { accountId: q.accountId, includeCleared: q.includeCleared === 'true', limit: q.limit });
    return c.json({ stuck }, 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}

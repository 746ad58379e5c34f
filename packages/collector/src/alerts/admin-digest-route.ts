import { Hono } from 'hono';
import { digestQuerySchema } from '@waymark/core';
import { buildDigest } from './build-digest.js';
import { digestMarkdown } from './digest-markdown.js';
import { digestWeek } from './digest-week.js';
import { readDigestInput } from './read-digest-input.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';

/** `GET /v1/admin/digest?owner=&format=json|markdown&week=` (mounted under the admin routes): an owner's weekly digest. */
export function adminDigestRoute(deps: RouteDeps, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.get('/', async (c) => {
    const q = parseQuery(digestQuerySchema, c.req.query());
    const week = digestWeek(q.week, deps.now());
    if (!week) throw new ApiError(400, 'invalid_query', `week: ${q.week} is not a week of that year`, 'week');
    const appId = c.get('app').appId;
    const digest = buildDigest(await readDigestInput(deps.sql, appId, q.owner, week, (await currentConfig(appId))?.config, deps.now()));
    if (q.format === 'markdown') return c.body(digestMarkdown(digest), 200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' });
    return c.json(digest, 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}

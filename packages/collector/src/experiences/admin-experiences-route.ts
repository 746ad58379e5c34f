import { Hono } from 'hono';
import { experiencesQuerySchema } from '@waymark/core';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { readExperiences } from './read-experiences.js';

/**
 * The CSM's experiences report (mounted under the admin routes, so the secret key or a CSM
 * session with ?appId=): each guide's and announcement's reach and what followed (docs/api.md).
 */
export function adminExperiencesRoute(deps: RouteDeps, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.get('/', async (c) => {
    const { days } = parseQuery(experiencesQuerySchema, c.req.query());
    const appId = c.get('app').appId;
    return c.json(await readExperiences(deps.sql, appId, (await currentConfig(appId))?.config, days), 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}

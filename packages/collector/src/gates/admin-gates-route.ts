import { Hono } from 'hono';
import { overrideBodySchema } from '@waymark/core';
import type { CurrentConfigReader } from '../config/current-config.js';
import { listGateOverrides, setGateOverride } from './gate-overrides.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';

/**
 * `/v1/admin/gates/:key/overrides` (secret key, mounted under the admin routes): set or clear a
 * CSM override of a gate for a whole account or one user, and read the overrides with their log.
 */
export function adminGatesRoute(deps: RouteDeps, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();

  const knownGate = async (appId: string, key: string) => (await currentConfig(appId))?.config.gates.some((g) => g.key === key) ?? false;
  const unknown = (key: string) => new ApiError(404, 'unknown_gate', `the current config has no gate "${key}"`, 'key');

  route.put('/:key/overrides', async (c) => {
    const appId = c.get('app').appId;
    const key = c.req.param('key');
    const body = await jsonBody(c.req.raw, c.env?.incoming, overrideBodySchema, 4096, { field: 'state' });
    const by = c.get('csm')?.email ?? body.by;
    if (by === undefined) throw new ApiError(400, 'invalid_body', "by: is required: who sets the override, e.g. the CSM's email", 'by');
    if ((body.accountId === undefined) === (body.userId === undefined)) {
      throw new ApiError(400, 'invalid_body', 'accountId: give exactly one of accountId (the whole account) and userId (one user)', 'accountId');
    }
    if (!(await knownGate(appId, key))) throw unknown(key);
    const override = await setGateOverride(deps.sql, appId, {
      gate: key,
      scope: body.accountId !== undefined ? 'account' : 'user',
      subjectId: body.accountId ?? body.userId!,
      state: body.state,
      by,
      at: deps.now(),
    });
    return c.json({ override });
  });

  route.get('/:key/overrides', async (c) => {
    const appId = c.get('app').appId;
    const key = c.req.param('key');
    const listed = await listGateOverrides(deps.sql, appId, key);
    // A gate removed from the config keeps its history readable.
    if (listed.log.length === 0 && !(await knownGate(appId, key))) throw unknown(key);
    return c.json({ gate: key, ...listed }, 200, { 'Cache-Control': 'no-store' });
  });

  return route;
}

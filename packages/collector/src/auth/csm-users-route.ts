import { Hono, type MiddlewareHandler } from 'hono';
import { createCsmUserBodySchema } from '@waymark/core';
import type { AppLookup } from '../apps/app-lookup.js';
import { CsmInputError } from './csm-input-error.js';
import { createCsmUser, disableCsmUser, grantCsmApp, listCsmUsers, revokeCsmApp } from './csm-users.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';
import { requireCsm } from './require-csm.js';
import { requireSecretKey } from '../apps/require-secret-key.js';

const status = { invalid: 400, exists: 409, user_not_found: 404, app_not_found: 404 } as const;
const code = { invalid: 'invalid_body', exists: 'csm_user_exists', user_not_found: 'csm_user_not_found', app_not_found: 'app_not_found' } as const;

/** Runs a store call, answering its CsmInputError as a 4xx naming the field. */
async function answer<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof CsmInputError)) throw error;
    throw new ApiError(status[error.kind], code[error.kind], `${error.field}: ${error.message}`, error.field);
  }
}

/**
 * `/v1/admin/csm-users`: manage dashboard accounts. An admin's session may do everything. An
 * app's secret key may list the users who can see its app and grant or revoke access to its own
 * app, but not create or disable users (they are not scoped to one app).
 */
export function csmUsersRoute(deps: RouteDeps, lookup: AppLookup): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  const byKey = requireSecretKey(lookup);
  const byAdmin = requireCsm(deps, { role: 'admin' });
  const auth: MiddlewareHandler<CollectorEnv> = (c, next) => (c.req.header('authorization') !== undefined ? byKey(c, next) : byAdmin(c, next));
  const adminOnly: MiddlewareHandler<CollectorEnv> = async (c, next) => {
    if (!c.get('csm'))
      throw new ApiError(403, 'admin_required', "only a CSM admin's session may do this; an app's secret key can only grant or revoke access to its own app");
    await next();
  };
  const ownApp: MiddlewareHandler<CollectorEnv> = async (c, next) => {
    if (!c.get('csm') && c.get('app').appId !== c.req.param('appId')) {
      throw new ApiError(403, 'wrong_app', "an app's secret key can only grant or revoke access to its own app", 'appId');
    }
    await next();
  };
  route.use('*', auth);

  route.post('/', adminOnly, async (c) => {
    const body = await jsonBody(c.req.raw, c.env?.incoming, createCsmUserBodySchema, 16_384, { field: 'email' });
    const created = await answer(createCsmUser(deps.sql, body, deps.now()));
    return c.json({ user: created.user, ...(created.generatedPassword ? { password: created.generatedPassword } : {}) }, 201, { 'Cache-Control': 'no-store' });
  });

  route.get('/', async (c) => {
    const users = await listCsmUsers(deps.sql, c.get('csm') ? {} : { appId: c.get('app').appId });
    return c.json({ users }, 200, { 'Cache-Control': 'no-store' });
  });

  route.put('/:email/apps/:appId', ownApp, async (c) =>
    c.json({ user: await answer(grantCsmApp(deps.sql, c.req.param('email'), c.req.param('appId'), deps.now())) }),
  );

  route.delete('/:email/apps/:appId', ownApp, async (c) => c.json({ user: await answer(revokeCsmApp(deps.sql, c.req.param('email'), c.req.param('appId'))) }));

  route.post('/:email/disable', adminOnly, async (c) => c.json({ user: await answer(disableCsmUser(deps.sql, c.req.param('email'), deps.now())) }));

  return route;
}

import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { randomUUID } from 'node:crypto';
import { ApiError } from './http/api-error.js';
import { checkResponses } from './http/check-responses.js';
import { adminRoute } from './admin/admin-route.js';
import { batchRoute } from './ingest/batch-route.js';
import { routeDeps, type CollectorDeps, type CollectorEnv } from './http/env.js';
import { sdkRoute } from './http/sdk-route.js';
import { dashboardRoute } from './http/dashboard-route.js';
import { openApiDocument } from './http/openapi.js';
import { configRoute } from './config/config-route.js';
import { stateRoute } from './user-state/state-route.js';
import { gatesRoute } from './gates/gates-route.js';
import { authRoute } from './auth/auth-route.js';
import { csmUsersRoute } from './auth/csm-users-route.js';
import { createAppLookup } from './apps/app-lookup.js';
import { createCurrentConfigReader, type CurrentConfigReader } from './config/current-config.js';

/**
 * The collector's HTTP application; test it with `app.request()`, serve it with @hono/node-server.
 * `currentConfig` is the config cache, shared with the background jobs when they run beside it.
 */
export function createCollectorApp(
  collectorDeps: CollectorDeps,
  currentConfig: CurrentConfigReader = createCurrentConfigReader(collectorDeps.sql),
): Hono<CollectorEnv> {
  const deps = routeDeps(collectorDeps);
  const app = new Hono<CollectorEnv>();
  const lookup = createAppLookup(deps.sql, { ttlMs: deps.keyCacheMs ?? 5000 });

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', c.req.header('x-request-id') ?? randomUUID());
    await next();
    const status = c.res.status;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'debug';
    deps.log[level]('request', { method: c.req.method, path: c.req.path, status, ms: Math.round(performance.now() - started), requestId: c.get('requestId') });
  });

  if (deps.checkResponses) app.use('*', checkResponses(deps.log, deps.checkResponses === true ? undefined : deps.checkResponses));

  // Browsers call /v1/batch cross-origin; which origins may send is checked per app after the key is known.
  app.use('/v1/batch', cors({ origin: (origin) => origin, allowMethods: ['POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 86400 }));

  app.get('/healthz', async (c) => {
    try {
      await deps.sql.query('select 1');
      return c.json({ status: 'ok', database: deps.sql.engine });
    } catch (error) {
      deps.log.error('health check failed', { error: (error as Error).message });
      return c.json({ status: 'unavailable', database: deps.sql.engine }, 503);
    }
  });

  app.route('/v1/batch', batchRoute(deps, lookup));
  app.route('/v1/config', configRoute(lookup, currentConfig));
  app.route('/v1/state', stateRoute(deps, lookup, currentConfig));
  app.route('/v1/gates', gatesRoute(deps, lookup, currentConfig));
  app.route('/v1/auth', authRoute(deps));
  // Before /v1/admin: these are not scoped to one app, so they have their own authorisation.
  app.route('/v1/admin/csm-users', csmUsersRoute(deps, lookup));
  app.route('/v1/admin', adminRoute(deps, lookup, currentConfig));
  app.route('/sdk', sdkRoute(deps.sdkDir));
  app.route('/dashboard', dashboardRoute(deps.dashboardDir));
  // Built on first request: generating it from the contract takes a while, and most apps never serve it.
  let openapi: ReturnType<typeof openApiDocument> | undefined;
  app.get('/v1/openapi.json', (c) => {
    openapi ??= openApiDocument();
    return c.json(openapi);
  });

  app.notFound((c) => c.json(new ApiError(404, 'not_found', `no endpoint ${c.req.method} ${c.req.path}; see docs/api.md`).body(), 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body(), error.status);
    deps.log.error('unhandled error', { error: error.message, stack: error.stack, path: c.req.path, requestId: c.get('requestId') });
    return c.json({ error: { code: 'internal', message: 'the collector failed to handle this request; nothing in it was stored. Retry later.' } }, 500);
  });

  return app;
}

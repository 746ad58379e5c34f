import { Hono } from 'hono';
import { eventsQuerySchema, usageQuerySchema } from '@waymark/core';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { requireSecretKeyOrCsm } from '../auth/require-secret-key-or-csm.js';
import { adminConfigRoute } from '../config/admin-config-route.js';
import { adminGatesRoute } from '../gates/admin-gates-route.js';
import { adminStuckRoute } from '../stuck/admin-stuck-route.js';
import { adminAnalyticsRoute } from '../analytics/admin-analytics-route.js';
import { adminExperiencesRoute } from '../experiences/admin-experiences-route.js';
import { adminWebhooksRoute } from '../alerts/admin-webhooks-route.js';
import { adminDigestRoute } from '../alerts/admin-digest-route.js';
import { adminPlanRoute } from '../plans/admin-plan-route.js';
import { parseQuery as query } from '../http/parse-query.js';
import type { AppLookup } from '../apps/app-lookup.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { adminUserStateRoute } from '../user-state/admin-user-state-route.js';

/**
 * Admin calls for the app of the secret key (or of ?appId= with a CSM session): each feature's
 * admin routes mounted here, and the app itself, its latest events and its usage rollups.
 */
export function adminRoute(deps: RouteDeps, lookup: AppLookup, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  // The secret key, or a CSM session with access to the app named by ?appId=.
  route.use('*', requireSecretKeyOrCsm(deps, lookup));
  route.route('/config', adminConfigRoute(deps));
  route.route('/gates', adminGatesRoute(deps, currentConfig));
  route.route('/stuck', adminStuckRoute(deps));
  route.route('/', adminAnalyticsRoute(deps, currentConfig));
  route.route('/experiences', adminExperiencesRoute(deps, currentConfig));
  route.route('/webhooks', adminWebhooksRoute(deps));
  route.route('/digest', adminDigestRoute(deps, currentConfig));
  route.route('/accounts', adminPlanRoute(deps, currentConfig));
  route.route('/users', adminUserStateRoute(deps, currentConfig));

  route.get('/app', (c) => c.json(c.get('app')));

  route.get('/events', async (c) => {
    const q = query(eventsQuerySchema, c.req.query());
    const { rows } = await deps.sql.query(
      `select message_id as "messageId", type, event, user_id as "userId", anonymous_id as "anonymousId", account_id as "accountId",
              ts as "timestamp", received_at as "receivedAt", ts_source as "timestampSource", properties, traits
       from events where app_id = $1 and ($2::text is null or user_id = $2) and ($3::text is null or account_id = $3)
       order by received_at desc, ts desc limit $4`,
      [c.get('app').appId, q.userId ?? null, q.accountId ?? null, q.limit],
    );
    return c.json({ events: rows });
  });

  route.get('/usage', async (c) => {
    const q = query(usageQuerySchema, c.req.query());
    if (!q.accountId && !q.userId) throw new ApiError(400, 'invalid_query', 'give accountId or userId', 'accountId');
    const appId = c.get('app').appId;
    const { rows } = q.accountId
      ? await deps.sql.query(
          `select event_key as "event", sum(count)::int as count, min(first_seen) as "firstSeen", max(last_seen) as "lastSeen"
           from usage_all where app_id = $1 and account_id = $2 group by event_key order by event_key`,
          [appId, q.accountId],
        )
      : await deps.sql.query(
          `select event_key as "event", sum(count)::int as count, min(first_seen) as "firstSeen", max(last_seen) as "lastSeen"
           from usage_all where app_id = $1 and actor = $2 group by event_key order by event_key`,
          [appId, q.userId],
        );
    const daily = q.accountId
      ? (
          await deps.sql.query(
            `select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as "activeUsers" from daily_active_all
             where app_id = $1 and account_id = $2 group by day order by day`,
            [appId, q.accountId],
          )
        ).rows
      : undefined;
    return c.json({ events: rows, ...(daily ? { daily } : {}) });
  });
  return route;
}

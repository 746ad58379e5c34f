import { Hono } from 'hono';
import { accountParamsSchema, accountUsersQuerySchema, cohortsQuerySchema, funnelsQuerySchema, portfolioFilterSchema } from '@waymark/core';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { cohortCurves } from './cohort-curves.js';
import { listAccountUsers } from './list-account-users.js';
import { listPortfolio } from './list-portfolio.js';
import { portfolioCsv } from './portfolio-csv.js';
import { readAccountDetail } from './read-account-detail.js';
import { readFunnels } from './read-funnels.js';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * The CSM's reads of account analytics (mounted under the admin routes, so the secret key or a
 * CSM session with ?appId=): portfolio (JSON and CSV), account summary, the account's users,
 * cohort curves and funnels. All read the summaries the summariser keeps (docs/analytics.md).
 */
export function adminAnalyticsRoute(deps: RouteDeps, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();

  route.get('/portfolio', async (c) => {
    const f = parseQuery(portfolioFilterSchema, c.req.query());
    const { accounts, total } = await listPortfolio(deps.sql, c.get('app').appId, f);
    return c.json({ accounts, page: f.page, limit: f.limit, total, pages: Math.ceil(total / f.limit), sort: f.sort }, 200, noStore);
  });

  route.get('/portfolio.csv', async (c) => {
    const f = parseQuery(portfolioFilterSchema, c.req.query());
    const { accounts } = await listPortfolio(deps.sql, c.get('app').appId, f, true);
    return c.body(portfolioCsv(accounts), 200, {
      ...noStore,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="portfolio.csv"',
    });
  });

  route.get('/accounts/:accountId', async (c) => {
    const { accountId } = parseQuery(accountParamsSchema, c.req.param());
    const appId = c.get('app').appId;
    const detail = await readAccountDetail(deps.sql, appId, accountId, (await currentConfig(appId))?.config);
    if (!detail)
      throw new ApiError(
        404,
        'account_not_found',
        `no summary of account "${accountId}" (unknown, or not summarised yet: summaries are refreshed every few seconds)`,
        'accountId',
      );
    return c.json(detail, 200, noStore);
  });

  route.get('/accounts/:accountId/users', async (c) => {
    const { accountId } = parseQuery(accountParamsSchema, c.req.param());
    const q = parseQuery(accountUsersQuerySchema, c.req.query());
    const appId = c.get('app').appId;
    const result = await listAccountUsers(deps.sql, appId, accountId, (await currentConfig(appId))?.config, q);
    return c.json({ ...result, limit: q.limit, offset: q.offset }, 200, noStore);
  });

  route.get('/cohorts', async (c) => {
    const q = parseQuery(cohortsQuerySchema, c.req.query());
    return c.json({ days: q.days, cohorts: await cohortCurves(deps.sql, c.get('app').appId, q) }, 200, noStore);
  });

  route.get('/funnels', async (c) => {
    const q = parseQuery(funnelsQuerySchema, c.req.query());
    const appId = c.get('app').appId;
    return c.json(await readFunnels(deps.sql, appId, (await currentConfig(appId))?.config, q), 200, noStore);
  });
  return route;
}

import { Hono } from 'hono';
import { accountParamsSchema, planBodySchema } from '@waymark/core';
import { accountPlans, readAccounts } from './account-plans.js';
import type { PlanGoal } from './plan-goal.js';
import { planLog, setSuccessPlan } from './success-plans.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';
import { parseQuery } from '../http/parse-query.js';

/**
 * `/v1/admin/accounts/:accountId/plan` (mounted under the admin routes): an account's success
 * plan with each goal's status and its edit log; PUT replaces the goals (null: back to the
 * config's default for the account's segment), logged with who and when.
 */
export function adminPlanRoute(deps: RouteDeps, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();

  const account = async (appId: string, params: Record<string, string>) => {
    const { accountId } = parseQuery(accountParamsSchema, params);
    const [row] = await readAccounts(deps.sql, appId, [accountId]);
    if (!row) throw new ApiError(404, 'unknown_account', `no account "${accountId}" has been seen by this app`, 'accountId');
    return row;
  };
  const answer = async (appId: string, row: Awaited<ReturnType<typeof account>>) => {
    const config = (await currentConfig(appId))?.config;
    const plan = (await accountPlans(deps.sql, appId, [row], config, deps.now())).get(row.accountId)!;
    return { ...plan, log: await planLog(deps.sql, appId, row.accountId) };
  };

  route.get('/:accountId/plan', async (c) => {
    const appId = c.get('app').appId;
    return c.json(await answer(appId, await account(appId, c.req.param())), 200, { 'Cache-Control': 'no-store' });
  });

  route.put('/:accountId/plan', async (c) => {
    const appId = c.get('app').appId;
    const body = await jsonBody(c.req.raw, c.env?.incoming, planBodySchema, 64 * 1024);
    const by = c.get('csm')?.email ?? body.by;
    if (by === undefined) throw new ApiError(400, 'invalid_body', "by: is required: who edits the plan, e.g. the CSM's email", 'by');
    const row = await account(appId, c.req.param());
    let goals: PlanGoal[] | null = null;
    if (body.goals !== null) {
      const milestones = new Map(((await currentConfig(appId))?.config.milestones ?? []).map((m) => [m.key, m.targetDay]));
      const seen = new Set<string>();
      goals = body.goals.map((g, i) => {
        const target = milestones.get(g.milestone);
        const field = `goals.${i}.milestone`;
        if (target === undefined)
          throw new ApiError(400, 'unknown_milestone', `${field}: milestone "${g.milestone}" is not defined in the current config`, field);
        if (seen.has(g.milestone)) throw new ApiError(400, 'invalid_body', `${field}: milestone "${g.milestone}" is already a goal of this plan`, field);
        seen.add(g.milestone);
        return {
          milestone: g.milestone,
          dueDay: g.dueDay ?? target,
          ...(g.owner !== undefined ? { owner: g.owner } : {}),
          ...(g.note ? { note: g.note } : {}),
        };
      });
    }
    await setSuccessPlan(deps.sql, appId, row.accountId, { goals, by, at: deps.now() });
    return c.json(await answer(appId, row));
  });

  return route;
}

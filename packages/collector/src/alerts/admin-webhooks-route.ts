import { Hono } from 'hono';
import { createWebhookBodySchema, deliveriesQuerySchema } from '@waymark/core';
import { defaultDeliveryOptions } from './delivery-options.js';
import { enqueueEvents } from './enqueue-events.js';
import { listDeliveries } from './list-deliveries.js';
import { sendDueDeliveries } from './send-due-deliveries.js';
import { createSubscription, deleteSubscription, getSubscription, listSubscriptions } from './webhook-subscriptions.js';
import { webhookUrlProblem } from './webhook-url-problem.js';
import { ApiError } from '../http/api-error.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';
import { parseQuery } from '../http/parse-query.js';

// Core's body, with the URL checked for a scheme and host that may receive webhooks.
const createBody = createWebhookBodySchema.extend({
  url: createWebhookBodySchema.shape.url.superRefine((url, ctx) => {
    const problem = webhookUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

/**
 * `/v1/admin/webhooks` (mounted under the admin routes): webhook subscriptions (create, list,
 * delete), their delivery log, and a test event sent at once. See docs/alerts.md.
 */
export function adminWebhooksRoute(deps: RouteDeps): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  const delivery = { ...defaultDeliveryOptions, now: deps.now };

  const subscription = async (appId: string, id: string) => {
    const found = await getSubscription(deps.sql, appId, id);
    if (!found) throw new ApiError(404, 'unknown_webhook', `this app has no webhook subscription "${id}"`, 'id');
    return found;
  };

  route.post('/', async (c) => {
    const body = await jsonBody(c.req.raw, c.env?.incoming, createBody, 8192);
    const by = c.get('csm')?.email ?? body.by;
    if (by === undefined) throw new ApiError(400, 'invalid_body', "by: is required: who creates the subscription, e.g. the CSM's email", 'by');
    const created = await createSubscription(deps.sql, c.get('app').appId, {
      url: body.url,
      format: body.format,
      events: [...new Set(body.events)],
      by,
      at: deps.now(),
    });
    return c.json(created, 201);
  });

  route.get('/', async (c) => c.json({ subscriptions: await listSubscriptions(deps.sql, c.get('app').appId) }, 200, { 'Cache-Control': 'no-store' }));

  route.delete('/:id', async (c) => {
    if (!(await deleteSubscription(deps.sql, c.get('app').appId, c.req.param('id')))) await subscription(c.get('app').appId, c.req.param('id'));
    return c.body(null, 204);
  });

  route.get('/:id/deliveries', async (c) => {
    const appId = c.get('app').appId;
    const q = parseQuery(deliveriesQuerySchema, c.req.query());
    const sub = await subscription(appId, c.req.param('id'));
    return c.json({ deliveries: await listDeliveries(deps.sql, appId, { subscriptionId: sub.id, status: q.status, limit: q.limit }) }, 200, {
      'Cache-Control': 'no-store',
    });
  });

  // Sends a `webhook.test` event to this subscription now (one attempt here; retried later like any delivery).
  route.post('/:id/test', async (c) => {
    const appId = c.get('app').appId;
    const sub = await subscription(appId, c.req.param('id'));
    if (sub.disabledAt !== null)
      throw new ApiError(
        409,
        'webhook_disabled',
        `the subscription was disabled at ${sub.disabledAt} (${sub.disabledReason ?? 'no reason'}); create a new one`,
        'id',
      );
    const at = deps.now();
    const event = {
      id: `evt_test_${crypto.randomUUID().replace(/-/g, '')}`,
      type: 'webhook.test' as const,
      createdAt: new Date(at).toISOString(),
      appId,
      data: { message: 'A test event from Waymark.' },
    };
    const ids = await enqueueEvents(deps.sql, appId, [event], at, sub.id);
    await sendDueDeliveries(deps.sql, delivery, { ids });
    const [sent] = await listDeliveries(deps.sql, appId, { ids, limit: 1 });
    return c.json({ delivery: sent });
  });

  return route;
}

import { accountParamsSchema } from './account-detail.js';
import { apiError, json, withErrors, type ApiRoute } from './api-route.js';
import { digestQuerySchema, digestSchema } from './digest.js';
import { planBodySchema, successPlanSchema } from './plans.js';
import { adminErrors, adminWriteErrors, appAdmin, bodyErrors } from './route-auth.js';
import {
  createWebhookBodySchema,
  deliveriesQuerySchema,
  webhookCreatedSchema,
  webhookDeliveriesSchema,
  webhookParamsSchema,
  webhookSubscriptionsSchema,
  webhookTestSchema,
} from './webhooks.js';

const unknownWebhook = apiError('No such subscription (`unknown_webhook`).');
const unknownAccount = apiError('The app has never seen the account (`unknown_account`).');

/** Webhook subscriptions and their deliveries, the weekly digest and success plans (docs/alerts.md, docs/success-plans.md). */
export const alertRoutes: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/admin/webhooks',
    summary: "The app's webhook subscriptions, oldest first (never their secrets)",
    security: appAdmin,
    responses: withErrors({ '200': json(webhookSubscriptionsSchema, 'The subscriptions (Cache-Control: no-store).') }, adminErrors),
  },
  {
    method: 'post',
    path: '/v1/admin/webhooks',
    summary: 'Subscribe a URL to alerts (flag raised or cleared) and the weekly digest',
    security: appAdmin,
    body: { schema: createWebhookBodySchema },
    responses: withErrors(
      {
        '201': json(webhookCreatedSchema, 'Created.'),
        '400': apiError('A bad body (`invalid_body`, with `field`).'),
      },
      adminWriteErrors,
      bodyErrors,
    ),
  },
  {
    method: 'delete',
    path: '/v1/admin/webhooks/{id}',
    summary: 'Delete a subscription and its delivery log',
    security: appAdmin,
    params: webhookParamsSchema,
    responses: withErrors({ '204': { description: 'Deleted.' }, '404': unknownWebhook }, adminWriteErrors),
  },
  {
    method: 'get',
    path: '/v1/admin/webhooks/{id}/deliveries',
    summary: "A subscription's delivery log, newest first, each with its attempts",
    security: appAdmin,
    params: webhookParamsSchema,
    query: deliveriesQuerySchema,
    responses: withErrors(
      {
        '200': json(webhookDeliveriesSchema, 'The deliveries (Cache-Control: no-store).'),
        '400': apiError('A bad query parameter (`invalid_query`).'),
        '404': unknownWebhook,
      },
      adminErrors,
    ),
  },
  {
    method: 'post',
    path: '/v1/admin/webhooks/{id}/test',
    summary: 'Send a webhook.test event to this subscription now',
    description: 'The first attempt is made before answering; a failed one is retried like any delivery.',
    security: appAdmin,
    params: webhookParamsSchema,
    responses: withErrors(
      {
        '200': json(webhookTestSchema, 'The delivery after its first attempt.'),
        '404': unknownWebhook,
        '409': apiError('The subscription is disabled (`webhook_disabled`).'),
      },
      adminWriteErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/digest',
    summary: "A CSM owner's weekly digest",
    description:
      'For the accounts whose csmOwner (else owner) trait is the owner: flags raised and cleared and milestones reached in the week, accounts by health band and success-plan goals overdue now.',
    security: appAdmin,
    query: digestQuerySchema,
    responses: withErrors(
      {
        '200': { ...json(digestSchema, 'The digest (Cache-Control: no-store).'), media: ['text/markdown'] },
        '400': apiError('A bad query parameter (`invalid_query`).'),
      },
      adminErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/accounts/{accountId}/plan',
    summary: "An account's success plan, each goal with its status, and its edit log",
    security: appAdmin,
    params: accountParamsSchema,
    responses: withErrors(
      {
        '200': json(successPlanSchema, 'The plan (Cache-Control: no-store).'),
        '400': apiError('An accountId over 200 characters (`invalid_query`).'),
        '404': unknownAccount,
      },
      adminErrors,
    ),
  },
  {
    method: 'put',
    path: '/v1/admin/accounts/{accountId}/plan',
    summary: "Replace an account's goals (null: back to the config's default), logged with who and when",
    security: appAdmin,
    params: accountParamsSchema,
    body: { schema: planBodySchema },
    responses: withErrors(
      {
        '200': json(successPlanSchema, 'The plan as it is now.'),
        '400': apiError(
          'A bad body (`invalid_body`) or a milestone not in the current config (`unknown_milestone`), with `field`; or an accountId over 200 characters (`invalid_query`).',
        ),
        '404': unknownAccount,
      },
      adminWriteErrors,
      bodyErrors,
    ),
  },
];

type Json = Record<string, unknown>;

const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => json({ $ref: '#/components/schemas/Error' }, description);
const body = (schema: Json): Json => ({ required: true, content: { 'application/json': { schema } } });
const path = (name: string, description: string): Json => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const query = (name: string, description: string, schema: Json = { type: 'string' }, required = false): Json => ({ name, in: 'query', required, description, schema });
const admin = { security: [{ secretKey: [] }, { csmSession: [] }] };
const authErrors = { '401': error('No secret key or CSM session (`missing_key`, `invalid_key`, `secret_key_required`, `not_logged_in`).') };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };

const subscription: Json = {
  type: 'object',
  required: ['id', 'url', 'format', 'events', 'createdBy', 'createdAt', 'disabledAt', 'disabledReason'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    format: { enum: ['json', 'slack'] },
    events: { type: 'array', items: { enum: ['flag.raised', 'flag.cleared', 'digest.weekly'] }, description: 'Event types sent; empty: all.' },
    createdBy: { type: 'string' },
    createdAt: dateTime,
    disabledAt: { ...nullableDateTime, description: 'Set when the receiver answered 410 Gone.' },
    disabledReason: { type: ['string', 'null'] },
  },
};

const delivery: Json = {
  type: 'object',
  required: ['id', 'subscriptionId', 'eventId', 'event', 'status', 'attempts', 'responseCode', 'error', 'createdAt', 'nextAttemptAt', 'deliveredAt', 'attemptLog'],
  properties: {
    id: { type: 'string', description: 'Sent as the Waymark-Delivery header.' },
    subscriptionId: { type: 'string' },
    eventId: { type: 'string', description: 'The event body\'s id: the same for every subscription and every retry.' },
    event: { type: 'string' },
    status: { enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: 'integer' },
    responseCode: { type: ['integer', 'null'], description: 'Of the latest attempt; null when no answer came (network error, timeout).' },
    error: { type: ['string', 'null'] },
    createdAt: dateTime,
    nextAttemptAt: { ...nullableDateTime, description: 'While pending.' },
    deliveredAt: nullableDateTime,
    attemptLog: {
      type: 'array',
      items: {
        type: 'object',
        properties: { attempt: { type: 'integer' }, at: dateTime, responseCode: { type: ['integer', 'null'] }, error: { type: ['string', 'null'] }, durationMs: { type: 'integer' } },
      },
    },
  },
};

const named = { accountId: { type: 'string' }, name: { type: 'string' } };
const digest: Json = {
  type: 'object',
  required: ['owner', 'week', 'totals', 'health', 'flagsRaised', 'flagsCleared', 'milestonesReached', 'overdueGoals'],
  properties: {
    owner: { type: 'string' },
    week: { type: 'object', properties: { label: { type: 'string', description: 'ISO week, e.g. 2026-W10.' }, start: dateTime, end: dateTime } },
    totals: { type: 'object', additionalProperties: { type: 'integer' }, description: 'accounts, red, yellow, green, unscored, flagsRaised, flagsCleared, milestonesReached, overdueGoals.' },
    health: {
      type: 'object',
      description: 'The owner\'s accounts by health band now (red, yellow, green, unscored), lowest health first.',
      additionalProperties: { type: 'array', items: { type: 'object', properties: { ...named, health: { type: ['integer', 'null'] }, day: { type: ['integer', 'null'] } } } },
    },
    flagsRaised: { type: 'array', items: { type: 'object', properties: { ...named, flag: { type: 'string' }, at: dateTime } } },
    flagsCleared: { type: 'array', items: { type: 'object', properties: { ...named, flag: { type: 'string' }, at: dateTime } } },
    milestonesReached: {
      type: 'array',
      items: { type: 'object', properties: { ...named, milestone: { type: 'string' }, milestoneName: { type: 'string' }, at: dateTime, day: { type: ['integer', 'null'] }, onTime: { type: ['boolean', 'null'] } } },
    },
    overdueGoals: {
      type: 'array',
      items: { type: 'object', properties: { ...named, milestone: { type: 'string' }, milestoneName: { type: 'string' }, dueDay: { type: 'integer' }, daysOverdue: { type: 'integer' }, goalOwner: { type: ['string', 'null'] } } },
    },
  },
};

const goalInput = {
  type: 'object',
  required: ['milestone'],
  additionalProperties: false,
  properties: {
    milestone: { type: 'string', description: 'A milestone key of the current config.' },
    dueDay: { type: 'integer', minimum: 0, maximum: 365, description: "Account day it is due by; default the milestone's targetDay." },
    owner: { type: 'string' },
    note: { type: 'string', maxLength: 2000 },
  },
};
const planGoals = { type: 'array', items: { type: 'object', properties: { milestone: { type: 'string' }, dueDay: { type: 'integer' }, owner: { type: 'string' }, note: { type: 'string' } } } };
const plan: Json = {
  type: 'object',
  required: ['accountId', 'source', 'segment', 'day', 'goals', 'updatedBy', 'updatedAt', 'log'],
  properties: {
    accountId: { type: 'string' },
    source: { enum: ['account', 'default'], description: "account: edited for this account; default: the config's successPlans entry for its segment." },
    segment: { type: ['string', 'null'], description: 'The account trait segment, else plan.' },
    day: { type: 'integer', description: "The account's day now." },
    goals: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          milestone: { type: 'string' },
          name: { type: 'string' },
          dueDay: { type: 'integer' },
          owner: { type: 'string' },
          note: { type: 'string' },
          status: { enum: ['done', 'on-track', 'at-risk', 'overdue'], description: 'See docs/success-plans.md.' },
          reachedAt: nullableDateTime,
          reachedDay: { type: ['integer', 'null'] },
          daysLeft: { type: 'integer', description: 'dueDay minus the current day; negative once overdue.' },
        },
      },
    },
    updatedBy: { type: ['string', 'null'] },
    updatedAt: nullableDateTime,
    log: {
      type: 'array',
      description: 'Edits, newest first (at most 50); goals null: reset to the default.',
      items: { type: 'object', properties: { goals: { ...planGoals, type: ['array', 'null'] }, previous: { ...planGoals, type: ['array', 'null'] }, by: { type: 'string' }, at: dateTime } },
    },
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Components of the webhook, digest and success-plan admin calls (see docs/alerts.md, docs/success-plans.md). */
export function openApiAlertSchemas(): Record<string, Json> {
  return { WebhookSubscription: subscription, WebhookDelivery: delivery, Digest: digest, SuccessPlan: plan };
}

/** The webhook, digest and success-plan admin paths of the OpenAPI document. */
export function openApiAlertPaths(): Record<string, Json> {
  const webhookId = path('id', 'The subscription id (wh_...).');
  const unknownWebhook = error('No such subscription (`unknown_webhook`).');
  return {
    '/v1/admin/webhooks': {
      get: { ...admin, summary: "The app's webhook subscriptions, oldest first (never their secrets)", responses: { '200': json({ type: 'object', properties: { subscriptions: { type: 'array', items: ref('WebhookSubscription') } } }, 'The subscriptions.'), ...authErrors } },
      post: {
        ...admin,
        summary: 'Subscribe a URL to alerts (flag raised or cleared) and the weekly digest',
        requestBody: body({
          type: 'object',
          required: ['url'],
          additionalProperties: false,
          properties: {
            url: { type: 'string', description: 'https; http only to localhost or 127.0.0.1.' },
            format: { enum: ['json', 'slack'], default: 'json', description: 'slack: a Slack incoming-webhook message ({text, blocks}).' },
            events: { type: 'array', items: { enum: ['flag.raised', 'flag.cleared', 'digest.weekly'] }, description: 'Default: all.' },
            by: { type: 'string', description: 'Who subscribes (required with the secret key; a CSM session records its email).' },
          },
        }),
        responses: {
          '201': json({ type: 'object', properties: { subscription: ref('WebhookSubscription'), secret: { type: 'string', description: 'The signing secret (whsec_...), shown only here.' } } }, 'Created.'),
          '400': error('A bad body (`invalid_body`, `invalid_json`, with `field`).'),
          ...authErrors,
        },
      },
    },
    '/v1/admin/webhooks/{id}': {
      delete: { ...admin, summary: 'Delete a subscription and its delivery log', parameters: [webhookId], responses: { '204': { description: 'Deleted.' }, ...authErrors, '404': unknownWebhook } },
    },
    '/v1/admin/webhooks/{id}/deliveries': {
      get: {
        ...admin,
        summary: "A subscription's delivery log, newest first, each with its attempts",
        parameters: [webhookId, query('status', 'Only these.', { enum: ['pending', 'delivered', 'failed'] }), query('limit', '1 to 500, default 50', { type: 'integer', minimum: 1, maximum: 500 })],
        responses: { '200': json({ type: 'object', properties: { deliveries: { type: 'array', items: ref('WebhookDelivery') } } }, 'The deliveries (Cache-Control: no-store).'), '400': error('A bad query parameter (`invalid_query`).'), ...authErrors, '404': unknownWebhook },
      },
    },
    '/v1/admin/webhooks/{id}/test': {
      post: {
        ...admin,
        summary: 'Send a webhook.test event to this subscription now',
        description: 'The first attempt is made before answering; a failed one is retried like any delivery.',
        parameters: [webhookId],
        responses: { '200': json({ type: 'object', properties: { delivery: ref('WebhookDelivery') } }, 'The delivery after its first attempt.'), ...authErrors, '404': unknownWebhook, '409': error('The subscription is disabled (`webhook_disabled`).') },
      },
    },
    '/v1/admin/digest': {
      get: {
        ...admin,
        summary: "A CSM owner's weekly digest",
        description: 'For the accounts whose csmOwner (else owner) trait is the owner: flags raised and cleared and milestones reached in the week, accounts by health band and success-plan goals overdue now.',
        parameters: [
          query('owner', 'The owner, as in the account traits.', { type: 'string' }, true),
          query('format', 'json (default) or markdown (text/markdown).', { enum: ['json', 'markdown'] }),
          query('week', 'ISO week, e.g. 2026-W10; default the last complete week (UTC).', { type: 'string', pattern: '^\\d{4}-W\\d{2}$' }),
        ],
        responses: {
          '200': { description: 'The digest (Cache-Control: no-store).', content: { 'application/json': { schema: ref('Digest') }, 'text/markdown': { schema: { type: 'string' } } } },
          '400': error('A bad query parameter (`invalid_query`).'),
          ...authErrors,
        },
      },
    },
    '/v1/admin/accounts/{accountId}/plan': {
      get: {
        ...admin,
        summary: "An account's success plan, each goal with its status, and its edit log",
        parameters: [path('accountId', 'The account (groupId).')],
        responses: { '200': json(ref('SuccessPlan'), 'The plan (Cache-Control: no-store).'), ...authErrors, '404': error('The app has never seen the account (`unknown_account`).') },
      },
      put: {
        ...admin,
        summary: "Replace an account's goals (null: back to the config's default), logged with who and when",
        parameters: [path('accountId', 'The account (groupId).')],
        requestBody: body({
          type: 'object',
          required: ['goals'],
          additionalProperties: false,
          properties: {
            goals: { type: ['array', 'null'], maxItems: 50, items: goalInput },
            by: { type: 'string', description: 'Who edits (required with the secret key; a CSM session records its email).' },
          },
        }),
        responses: {
          '200': json(ref('SuccessPlan'), 'The plan as it is now.'),
          '400': error('A bad body (`invalid_body`, `invalid_json`) or a milestone not in the current config (`unknown_milestone`), with `field`.'),
          ...authErrors,
          '404': error('The app has never seen the account (`unknown_account`).'),
        },
      },
    },
  };
}

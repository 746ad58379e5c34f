import { z } from 'zod';
import { count, isoTime } from './wire.js';

/** The event types a webhook subscription can ask for. */
export const webhookEventTypes = ['flag.raised', 'flag.cleared', 'digest.weekly'] as const;

/** The `POST /v1/admin/webhooks` body. The collector also checks the URL's scheme and host (a URL parser is not part of core). */
export const createWebhookBodySchema = z.strictObject({
  url: z
    .string({ error: 'is required: where to POST the events' })
    .max(2000, 'must be at most 2000 characters')
    .describe('https; http only to localhost or 127.0.0.1 (the collector checks it).'),
  format: z
    .enum(['json', 'slack'], { error: 'must be "json" or "slack"' })
    .default('json')
    .describe('slack: a Slack incoming-webhook message ({text, blocks}).'),
  events: z
    .array(z.enum(webhookEventTypes, { error: `must be one of ${webhookEventTypes.join(', ')}` }))
    .max(10)
    .default([])
    .describe('Default: all.'),
  // With a CSM session the session's email is recorded instead.
  by: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Who subscribes (required with the secret key; a CSM session records its email).'),
});

/** The path of one subscription. */
export const webhookParamsSchema = z.object({ id: z.string().describe('The subscription id (wh_...).') });

/** The query of `GET /v1/admin/webhooks/{id}/deliveries`. */
export const deliveriesQuerySchema = z.object({
  status: z.enum(['pending', 'delivered', 'failed'], { error: 'must be "pending", "delivered" or "failed"' }).optional().describe('Only these.'),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(50)
    .describe('1 to 500, default 50'),
});

/** A webhook subscription (never with its secret). */
export const webhookSubscriptionSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  format: z.enum(['json', 'slack']),
  events: z.array(z.enum(webhookEventTypes)).describe('Event types sent; empty: all.'),
  createdBy: z.string(),
  createdAt: isoTime,
  disabledAt: isoTime.nullable().describe('Set when the receiver answered 410 Gone.'),
  disabledReason: z.string().nullable(),
});

/** One delivery of an event to a subscription, with its attempts. */
export const webhookDeliverySchema = z.strictObject({
  id: z.string().describe('Sent as the Waymark-Delivery header.'),
  subscriptionId: z.string(),
  eventId: z.string().describe("The event body's id: the same for every subscription and every retry."),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: count,
  responseCode: z.number().int().nullable().describe('Of the latest attempt; null when no answer came (network error, timeout).'),
  error: z.string().nullable(),
  createdAt: isoTime,
  nextAttemptAt: isoTime.nullable().describe('While pending.'),
  deliveredAt: isoTime.nullable(),
  attemptLog: z.array(
    z.strictObject({
      attempt: z.number().int().min(1),
      at: isoTime,
      responseCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: count,
    }),
  ),
});

/** The `GET /v1/admin/webhooks` answer, oldest first. */
export const webhookSubscriptionsSchema = z.strictObject({ subscriptions: z.array(webhookSubscriptionSchema) });

/** The `POST /v1/admin/webhooks` answer. */
export const webhookCreatedSchema = z.strictObject({
  subscription: webhookSubscriptionSchema,
  secret: z.string().describe('The signing secret (whsec_...), shown only here.'),
});

/** The `GET /v1/admin/webhooks/{id}/deliveries` answer, newest first. */
export const webhookDeliveriesSchema = z.strictObject({ deliveries: z.array(webhookDeliverySchema) });

/** The `POST /v1/admin/webhooks/{id}/test` answer: the delivery after its first attempt. */
export const webhookTestSchema = z.strictObject({ delivery: webhookDeliverySchema });

/** A webhook subscription. */
export type WebhookSubscription = z.output<typeof webhookSubscriptionSchema>;
/** A webhook delivery. */
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;

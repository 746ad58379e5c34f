import type { webhookEventTypes } from '@waymark/core';

/** One of `webhookEventTypes`, or `webhook.test` (sent only on request, to one subscription). */
export type WebhookEventType = (typeof webhookEventTypes)[number] | 'webhook.test';

/** The JSON body of a webhook in the `json` format (what is signed and sent). */
export interface WebhookEvent {
  /** Stable per event: a retry or a second subscription gets the same id. */
  id: string;
  type: WebhookEventType;
  /** When the event happened (ISO). */
  createdAt: string;
  appId: string;
  /** Depends on the type; see docs/alerts.md. */
  data: Record<string, unknown>;
}

import { backoffDelay } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import type { DeliveryOptions } from './delivery-options.js';
import { signWebhook } from './sign-webhook.js';
import { slackPayload } from './slack-payload.js';
import type { WebhookEvent } from './webhook-event.js';

/** A delivery claimed for an attempt, with its subscription's URL, secret and format (null: the subscription is gone). */
export interface ClaimedDelivery {
  id: string;
  appId: string;
  subscriptionId: string;
  event: WebhookEvent;
  /** Attempts made before this one. */
  attempts: number;
  url: string | null;
  secret: string | null;
  format: 'json' | 'slack' | null;
}

/** What one attempt came to. */
export interface AttemptOutcome {
  status: 'delivered' | 'pending' | 'failed';
  responseCode: number | null;
  error: string | null;
}

async function post(d: ClaimedDelivery, options: DeliveryOptions): Promise<{ code: number | null; error: string | null }> {
  const body = JSON.stringify(d.format === 'slack' ? slackPayload(d.event) : d.event);
  try {
    const res = await options.fetch(d.url!, {
      method: 'POST',
      // Redirects are not followed: a receiver that moved must be updated, not silently chased.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Waymark-Webhooks/1',
        'Waymark-Event': d.event.type,
        'Waymark-Delivery': d.id,
        'Waymark-Signature': signWebhook(d.secret!, body, Math.floor(options.now() / 1000)),
      },
      body,
    });
    const text = res.status >= 200 && res.status < 300 ? '' : (await res.text().catch(() => '')).slice(0, 200);
    await res.body?.cancel().catch(() => {});
    return { code: res.status, error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    const e = error as Error;
    return {
      code: null,
      error:
        e.name === 'TimeoutError'
          ? `no answer within ${options.timeoutMs} ms`
          : `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}`.slice(0, 300),
    };
  }
}

/**
 * Makes one attempt of a claimed delivery and records it: the attempt in webhook_attempts, and the
 * delivery delivered (2xx), pending with its next attempt after core's backoffDelay, or failed
 * (attempts used up). A 410 Gone disables the subscription and fails the delivery; a delivery
 * whose subscription was disabled or deleted fails without a request.
 */
export async function attemptDelivery(sql: Pick<Sql, 'query' | 'transaction'>, d: ClaimedDelivery, options: DeliveryOptions): Promise<AttemptOutcome> {
  const attempt = d.attempts + 1;
  // Checked again here: a 410 to an earlier delivery of the same claimed batch disables the subscription.
  const { rows: current } = await sql.query<{ disabled: boolean }>(
    'select disabled_at is not null as disabled from webhook_subscriptions where app_id = $1 and id = $2',
    [d.appId, d.subscriptionId],
  );
  const started = performance.now();
  const skipped = d.url === null || current[0] === undefined || current[0].disabled;
  const result = skipped
    ? { code: null, error: current[0] === undefined ? 'the subscription was deleted' : 'the subscription is disabled' }
    : await post(d, options);
  const now = options.now();
  const at = new Date(now).toISOString();
  const ok = result.code !== null && result.code >= 200 && result.code < 300;
  const gone = result.code === 410;
  const status: AttemptOutcome['status'] = ok ? 'delivered' : skipped || gone || attempt >= options.maxAttempts ? 'failed' : 'pending';
  const next = status === 'pending' ? new Date(now + backoffDelay(attempt - 1, options.random, options.backoff)).toISOString() : null;
  await sql.transaction(async (tx) => {
    if (!skipped) {
      await tx.query('insert into webhook_attempts (app_id, delivery_id, attempt, at, response_code, error, duration_ms) values ($1, $2, $3, $4, $5, $6, $7)', [
        d.appId,
        d.id,
        attempt,
        at,
        result.code,
        result.error,
        Math.round(performance.now() - started),
      ]);
    }
    await tx.query(
      `update webhook_deliveries set status = $3, attempts = $4, response_code = $5, error = $6, next_attempt_at = $7, delivered_at = $8
       where app_id = $1 and id = $2`,
      [d.appId, d.id, status, skipped ? d.attempts : attempt, result.code, result.error, next, ok ? at : null],
    );
    if (gone) {
      await tx.query(
        "update webhook_subscriptions set disabled_at = $3, disabled_reason = 'the receiver answered 410 Gone' where app_id = $1 and id = $2 and disabled_at is null",
        [d.appId, d.subscriptionId, at],
      );
    }
  });
  return { status, responseCode: result.code, error: result.error };
}

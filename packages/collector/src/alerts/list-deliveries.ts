import type { Sql } from '../db/sql.js';
import type { WebhookDelivery } from '@waymark/core';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** A subscription's deliveries, newest first, optionally of one status or only some ids, each with its attempts. */
export async function listDeliveries(
  sql: Pick<Sql, 'query'>,
  appId: string,
  filter: { subscriptionId?: string | undefined; status?: string | undefined; ids?: readonly string[]; limit: number },
): Promise<WebhookDelivery[]> {
  const { rows } = await sql.query<{
    id: string;
    subscription_id: string;
    event_id: string;
    event: string;
    status: WebhookDelivery['status'];
    attempts: number;
    response_code: number | null;
    error: string | null;
    created_at: Date | string;
    next_attempt_at: Date | string | null;
    delivered_at: Date | string | null;
  }>(
    `select id, subscription_id, event_id, event, status, attempts, response_code, error, created_at, next_attempt_at, delivered_at from webhook_deliveries
     where app_id = $1 and ($2::text is null or subscription_id = $2) and ($3::text is null or status = $3) and ($4::text[] is null or id = any($4::text[]))
     order by created_at desc, id desc limit $5`,
    [appId, filter.subscriptionId ?? null, filter.status ?? null, filter.ids ?? null, filter.limit],
  );
  const { rows: attempts } = await sql.query<{
    delivery_id: string;
    attempt: number;
    at: Date | string;
    response_code: number | null;
    error: string | null;
    duration_ms: number;
  }>(
    'select delivery_id, attempt, at, response_code, error, duration_ms from webhook_attempts where app_id = $1 and delivery_id = any($2::text[]) order by delivery_id, attempt',
    [appId, rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    subscriptionId: r.subscription_id,
    eventId: r.event_id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    responseCode: r.response_code,
    error: r.error,
    createdAt: iso(r.created_at)!,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    deliveredAt: iso(r.delivered_at),
    attemptLog: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({ attempt: a.attempt, at: iso(a.at)!, responseCode: a.response_code, error: a.error, durationMs: a.duration_ms })),
  }));
}

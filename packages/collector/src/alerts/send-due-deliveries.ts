import type { Sql } from '../db/sql.js';
import { attemptDelivery, type AttemptOutcome, type ClaimedDelivery } from './attempt-delivery.js';
import type { DeliveryOptions } from './delivery-options.js';
import type { WebhookEvent } from './webhook-event.js';

interface Row {
  id: string;
  app_id: string;
  subscription_id: string;
  body: WebhookEvent;
  attempts: number;
  url: string | null;
  secret: string | null;
  format: 'json' | 'slack' | null;
}

/**
 * Claims up to `limit` pending deliveries due at `now` (or exactly the deliveries `ids`, due or
 * not) and attempts them, `concurrency` at a time. Claiming moves next_attempt_at past the attempt's
 * timeout (a lease, with skip locked), so collectors sharing a database never send one twice at
 * once, and a collector that dies mid-attempt leaves it to be retried. Returns the outcomes by delivery id.
 */
export async function sendDueDeliveries(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: DeliveryOptions,
  select: { limit?: number; concurrency?: number; ids?: readonly string[] } = {},
): Promise<Map<string, AttemptOutcome>> {
  const now = options.now();
  const lease = new Date(now + options.timeoutMs + 60_000).toISOString();
  const { rows } = await sql.query<Row>(
    `with due as (
       select app_id, id from webhook_deliveries
       where status = 'pending' and (case when $3::text[] is null then next_attempt_at <= $1 else id = any($3::text[]) end)
       order by next_attempt_at, id limit $4 for update skip locked
     ), claimed as (
       update webhook_deliveries d set next_attempt_at = $2 from due where d.app_id = due.app_id and d.id = due.id
       returning d.app_id, d.id, d.subscription_id, d.body, d.attempts
     )
     select c.id, c.app_id, c.subscription_id, c.body, c.attempts, s.url, s.secret, s.format
     from claimed c left join webhook_subscriptions s on s.app_id = c.app_id and s.id = c.subscription_id`,
    [new Date(now).toISOString(), lease, select.ids ?? null, select.limit ?? 100],
  );
  const claimed: ClaimedDelivery[] = rows.map((r) => ({
    id: r.id,
    appId: r.app_id,
    subscriptionId: r.subscription_id,
    event: r.body,
    attempts: r.attempts,
    url: r.url,
    secret: r.secret,
    format: r.format,
  }));
  const outcomes = new Map<string, AttemptOutcome>();
  const queue = [...claimed];
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) outcomes.set(d.id, await attemptDelivery(sql, d, options));
  };
  await Promise.all(Array.from({ length: Math.min(select.concurrency ?? 8, queue.length) }, worker));
  return outcomes;
}

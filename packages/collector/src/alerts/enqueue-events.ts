import type { Sql } from '../db/sql.js';
import type { WebhookEvent } from './webhook-event.js';

/**
 * Adds a pending delivery of each event to each enabled subscription that wants it (its events
 * filter, created no later than the event) or, with `only`, to that one subscription whatever its
 * filter. An event already queued for a subscription is not queued again. Returns the new delivery ids.
 */
export async function enqueueEvents(sql: Pick<Sql, 'query'>, appId: string, events: readonly WebhookEvent[], at: number, only?: string): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({ event_id: e.id, event: e.type, body: e, at: e.createdAt }));
  const { rows: inserted } = await sql.query<{ id: string }>(
    `insert into webhook_deliveries (app_id, id, subscription_id, event_id, event, body, status, attempts, created_at, next_attempt_at)
     select $1, 'whd_' || replace(gen_random_uuid()::text, '-', ''), s.id, e.event_id, e.event, e.body, 'pending', 0, $3, $3
     from jsonb_to_recordset($2::jsonb) as e(event_id text, event text, body jsonb, at timestamptz)
     join webhook_subscriptions s on s.app_id = $1 and s.disabled_at is null
       and (case when $4::text is null then (cardinality(s.events) = 0 or e.event = any(s.events)) and s.created_at <= e.at else s.id = $4 end)
     order by e.at, s.created_at, s.id
     on conflict (app_id, subscription_id, event_id) do nothing
     returning id`,
    [appId, JSON.stringify(rows), new Date(at).toISOString(), only ?? null],
  );
  return inserted.map((r) => r.id);
}

import { randomBytes } from 'node:crypto';
import type { Sql } from '../db/sql.js';
import type { WebhookSubscription } from '@waymark/core';

interface Row {
  id: string;
  url: string;
  format: 'json' | 'slack';
  events: WebhookSubscription['events'];
  created_by: string;
  created_at: Date | string;
  disabled_at: Date | string | null;
  disabled_reason: string | null;
}

const columns = 'id, url, format, events, created_by, created_at, disabled_at, disabled_reason';
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const toSubscription = (r: Row): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  format: r.format,
  events: r.events,
  createdBy: r.created_by,
  createdAt: iso(r.created_at)!,
  disabledAt: iso(r.disabled_at),
  disabledReason: r.disabled_reason,
});

/** Creates a subscription with a new signing secret; the secret is returned here only. */
export async function createSubscription(
  sql: Pick<Sql, 'query'>,
  appId: string,
  input: { url: string; format: 'json' | 'slack'; events: string[]; by: string; at: number },
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const id = `wh_${randomBytes(9).toString('base64url')}`;
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const { rows } = await sql.query<Row>(
    `insert into webhook_subscriptions (app_id, id, url, secret, format, events, created_by, created_at) values ($1, $2, $3, $4, $5, $6::text[], $7, $8) returning ${columns}`,
    [appId, id, input.url, secret, input.format, input.events, input.by, new Date(input.at).toISOString()],
  );
  return { subscription: toSubscription(rows[0]!), secret };
}

/** The app's subscriptions, oldest first. */
export async function listSubscriptions(sql: Pick<Sql, 'query'>, appId: string): Promise<WebhookSubscription[]> {
  const { rows } = await sql.query<Row>(`select ${columns} from webhook_subscriptions where app_id = $1 order by created_at, id`, [appId]);
  return rows.map(toSubscription);
}

/** One subscription, or undefined. */
export async function getSubscription(sql: Pick<Sql, 'query'>, appId: string, id: string): Promise<WebhookSubscription | undefined> {
  const { rows } = await sql.query<Row>(`select ${columns} from webhook_subscriptions where app_id = $1 and id = $2`, [appId, id]);
  return rows[0] && toSubscription(rows[0]);
}

/** Deletes a subscription with its delivery log; false when there was none. */
export async function deleteSubscription(sql: Pick<Sql, 'transaction'>, appId: string, id: string): Promise<boolean> {
  return sql.transaction(async (tx) => {
    const { rows } = await tx.query('delete from webhook_subscriptions where app_id = $1 and id = $2 returning id', [appId, id]);
    if (rows.length === 0) return false;
    await tx.query(
      'delete from webhook_attempts where app_id = $1 and delivery_id in (select id from webhook_deliveries where app_id = $1 and subscription_id = $2)',
      [appId, id],
    );
    await tx.query('delete from webhook_deliveries where app_id = $1 and subscription_id = $2', [appId, id]);
    return true;
  });
}

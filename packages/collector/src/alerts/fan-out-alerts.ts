import type { Sql } from '../db/sql.js';
import { enqueueEvents } from './enqueue-events.js';
import type { WebhookEvent } from './webhook-event.js';
import { alertFanOutLock } from '../db/advisory-locks.js';

interface OutboxRow {
  id: string;
  account_id: string;
  kind: 'flag.raised' | 'flag.cleared';
  flag: string;
  payload: Record<string, unknown>;
  created_at: Date | string;
}

/** The webhook event of an alert outbox row: data is the row's payload plus accountId and flag. */
function outboxEvent(appId: string, r: OutboxRow): WebhookEvent {
  return {
    id: `evt_flag_${r.id}`,
    type: r.kind,
    createdAt: new Date(r.created_at).toISOString(),
    appId,
    data: { ...r.payload, accountId: r.account_id, flag: r.flag },
  };
}

/**
 * Reads the alert outbox (flag raised / cleared rows, written by the account summariser) past
 * each app's cursor and queues a delivery per matching subscription, then moves the cursor, in
 * one transaction per app under an advisory lock (one collector at a time per app). The cursor is
 * per app because the summariser appends an app's rows one transaction at a time, so their ids
 * commit in order within the app. Apps without an enabled subscription are skipped (their cursor
 * stays; subscriptions only get events from after their creation, and an app's first run starts
 * after the rows older than its first subscription). Returns the deliveries queued.
 */
export async function fanOutAlerts(sql: Pick<Sql, 'query' | 'transaction'>, now: number, pageSize = 500): Promise<number> {
  const { rows: apps } = await sql.query<{ app_id: string }>('select distinct app_id from webhook_subscriptions where disabled_at is null order by app_id');
  let queued = 0;
  for (const { app_id: appId } of apps) {
    queued += await sql.transaction(async (tx) => {
      const { rows: lock } = await tx.query<{ ok: boolean }>(`select pg_try_advisory_xact_lock(${alertFanOutLock}, hashtext($1)) as ok`, [appId]);
      if (!lock[0]?.ok) return 0;
      const { rows: cursor } = await tx.query<{ outbox_id: string }>('select outbox_id from webhook_cursors where app_id = $1', [appId]);
      // First run for the app: skip the rows older than its first subscription (nobody wants them).
      const after =
        cursor[0]?.outbox_id ??
        (
          await tx.query<{ id: string }>(
            'select coalesce(max(id), 0)::text as id from alert_outbox where app_id = $1 and created_at < (select min(created_at) from webhook_subscriptions where app_id = $1)',
            [appId],
          )
        ).rows[0]!.id;
      const { rows } = await tx.query<OutboxRow>(
        'select id::text as id, account_id, kind, flag, payload, created_at from alert_outbox where app_id = $1 and id > $2::bigint order by id limit $3',
        [appId, after, pageSize],
      );
      if (rows.length === 0) return 0;
      const ids = await enqueueEvents(
        tx,
        appId,
        rows.map((r) => outboxEvent(appId, r)),
        now,
      );
      await tx.query(
        'insert into webhook_cursors (app_id, outbox_id) values ($1, $2::bigint) on conflict (app_id) do update set outbox_id = excluded.outbox_id',
        [appId, rows[rows.length - 1]!.id],
      );
      return ids.length;
    });
  }
  return queued;
}

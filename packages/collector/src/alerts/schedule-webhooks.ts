import type { Sql } from '../db/sql.js';
import { scheduleTask } from '../jobs/schedule-task.js';
import { defaultDeliveryOptions, type DeliveryOptions } from './delivery-options.js';
import { fanOutAlerts } from './fan-out-alerts.js';
import { sendDueDeliveries } from './send-due-deliveries.js';

/**
 * Every `everyMs`: turns new alert outbox rows into deliveries, then attempts the deliveries that
 * are due. Returns the cleanup (waits for a run in progress).
 */
export function scheduleWebhooks(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; onError: (error: Error) => void; delivery?: Partial<DeliveryOptions> },
): () => Promise<void> {
  const delivery = { ...defaultDeliveryOptions, ...options.delivery };
  return scheduleTask(
    async () => {
      await fanOutAlerts(sql, delivery.now());
      await sendDueDeliveries(sql, delivery);
    },
    { everyMs: options.everyMs, onError: options.onError },
  );
}

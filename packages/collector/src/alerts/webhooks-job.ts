import type { Sql } from '../db/sql.js';
import type { Job } from '../jobs/job.js';
import type { DeliveryOptions } from './delivery-options.js';
import { fanOutAlerts } from './fan-out-alerts.js';
import { sendDueDeliveries } from './send-due-deliveries.js';

/** Every `everyMs`: turns new alert outbox rows into deliveries, then attempts the deliveries that are due. */
export function webhooksJob(sql: Pick<Sql, 'query' | 'transaction'>, options: { everyMs: number; delivery: DeliveryOptions }): Job {
  return {
    name: 'webhook dispatch',
    everyMs: options.everyMs,
    run: async () => {
      await fanOutAlerts(sql, options.delivery.now());
      await sendDueDeliveries(sql, options.delivery);
    },
  };
}

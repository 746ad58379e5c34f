import type { Sql } from '../db/sql.js';
import { createCurrentConfigReader } from '../store/current-config.js';
import { summariseAccounts } from './summarise-accounts.js';

/**
 * Runs `summariseAccounts` every `everyMs` until the returned cleanup is called (which waits for
 * a round in progress). Failures go to `onError` and are retried on the next tick.
 */
export function scheduleSummaries(
  sql: Pick<Sql, 'query' | 'transaction'>,
  options: { everyMs: number; now?: () => number; onError: (error: Error) => void },
): () => Promise<void> {
  const now = options.now ?? Date.now;
  const currentConfig = createCurrentConfigReader(sql);
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = summariseAccounts(sql, now(), currentConfig)
      .catch((error: Error) => {
        if (!stopped) options.onError(error);
      })
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

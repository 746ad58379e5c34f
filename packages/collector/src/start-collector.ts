import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Sql } from './db/sql.js';
import { createCollectorApp } from './http/create-collector-app.js';
import { scheduleCompaction } from './store/compact-rollups.js';
import { scheduleStuckSweep } from './store/schedule-stuck-sweep.js';
import type { Logger } from './log.js';

/** A running collector. */
export interface RunningCollector {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets in-flight requests (batches being committed) finish,
   * then closes the database. Connections still open after `graceMs` are cut.
   */
  close(graceMs?: number): Promise<void>;
}

/** Serves the collector over HTTP on `port` (0 picks a free one). */
export async function startCollector(options: {
  sql: Sql;
  log: Logger;
  port: number;
  host?: string;
  sdkDir?: string | undefined;
  /** Trust X-Forwarded-For/-Proto/-Host from a reverse proxy (see CollectorDeps.trustProxy). */
  trustProxy?: boolean;
  /** How often pending usage deltas are folded into the rollups (default 1 s). */
  compactEveryMs?: number;
  /** How often users stuck on a checklist item are marked and cleared (default 60 s). */
  stuckSweepEveryMs?: number;
}): Promise<RunningCollector> {
  const app = createCollectorApp({ sql: options.sql, log: options.log, sdkDir: options.sdkDir, trustProxy: options.trustProxy ?? false });
  const host = options.host ?? '0.0.0.0';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const stopCompaction = scheduleCompaction(options.sql, {
    everyMs: options.compactEveryMs ?? 1000,
    onError: (error) => options.log.warn('rollup compaction failed; retrying later', { error: error.message }),
  });
  const stopStuckSweep = scheduleStuckSweep(options.sql, {
    everyMs: options.stuckSweepEveryMs ?? 60_000,
    onError: (error) => options.log.warn('stuck user sweep failed; retrying later', { error: error.message }),
  });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const timer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, graceMs);
        await closed;
        clearTimeout(timer);
        await stopCompaction();
        await stopStuckSweep();
        await options.sql.close();
      })();
      return closing;
    },
  };
}

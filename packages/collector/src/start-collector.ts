import { serve } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sql } from './db/sql.js';
import { createCollectorApp } from './create-collector-app.js';
import { routeDeps } from './http/env.js';
import { createCurrentConfigReader } from './config/current-config.js';
import { settleProgressJob } from './user-state/settle-pending-progress.js';
import { startJobs } from './jobs/start-jobs.js';
import { compactionJob } from './ingest/compact-rollups.js';
import { stuckSweepJob } from './stuck/stuck-sweep-job.js';
import { summariesJob } from './analytics/summaries-job.js';
import { webhooksJob } from './alerts/webhooks-job.js';
import { defaultDeliveryOptions } from './alerts/delivery-options.js';
import { weeklyDigestJob } from './alerts/weekly-digest-job.js';
import type { Logger } from './log.js';
import type { CollectorDeps } from './http/env.js';
import { defaultDashboardDir } from './http/dashboard-dir.js';

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
  /** The dashboard build served at /dashboard (default: the installed @waymark/dashboard's dist). */
  dashboardDir?: string | undefined;
  /** Trust X-Forwarded-For/-Proto/-Host from a reverse proxy (see CollectorDeps.trustProxy). */
  trustProxy?: boolean;
  /** How often pending usage deltas are folded into the rollups (default 1 s). */
  compactEveryMs?: number;
  /** How often users stuck on a checklist item are marked and cleared (default 60 s). */
  stuckSweepEveryMs?: number;
  /** How often the accounts touched since the last round get their summaries recomputed (default 10 s). */
  summariseEveryMs?: number;
  /** How often the progress of users with new events is settled (default 2 s). */
  settleProgressEveryMs?: number;
  /** How often new flag alerts are fanned out to webhook subscriptions and due deliveries sent (default 5 s). */
  webhooksEveryMs?: number;
  /**
   * The weekly digest posted to subscriptions of `digest.weekly`: queued `afterMs` into each ISO
   * week (Monday 00:00 UTC; default 9 hours), checked every `everyMs` (default 15 minutes); false: never.
   */
  weeklyDigest?: { afterMs?: number; everyMs?: number } | false;
  /** Check every answer against core's contract (see CollectorDeps.checkResponses). */
  checkResponses?: CollectorDeps['checkResponses'];
}): Promise<RunningCollector> {
  const deps = routeDeps({
    sql: options.sql,
    log: options.log,
    sdkDir: options.sdkDir,
    dashboardDir: options.dashboardDir ?? defaultDashboardDir(),
    trustProxy: options.trustProxy,
    checkResponses: options.checkResponses ?? false,
  });
  // One config cache for the routes and the jobs.
  const currentConfig = createCurrentConfigReader(options.sql);
  const app = createCollectorApp(deps, currentConfig);
  const host = options.host ?? '0.0.0.0';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // Node closes a keep-alive connection after 5 s idle. A load balancer in front keeps its own
  // connections open longer (commonly 60 s) and would now and then send a request on one the
  // collector had just closed (a 502 for the browser); a client whose request waits out a busy
  // event loop (the embedded database runs in it) would see its connection reset. Idle connections
  // stay open 65 s instead; headers must arrive within 66 s (Node wants it above the keep-alive).
  const http = server as HttpServer;
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const { now } = deps;
  const digest = options.weeklyDigest ?? {};
  const stopJobs = startJobs(
    [
      compactionJob(options.sql, { everyMs: options.compactEveryMs ?? 1000 }),
      settleProgressJob(options.sql, { everyMs: options.settleProgressEveryMs ?? 2000, now, currentConfig }),
      stuckSweepJob(options.sql, { everyMs: options.stuckSweepEveryMs ?? 60_000, now, currentConfig }),
      summariesJob(options.sql, { everyMs: options.summariseEveryMs ?? 10_000, now, currentConfig }),
      webhooksJob(options.sql, { everyMs: options.webhooksEveryMs ?? 5000, delivery: { ...defaultDeliveryOptions, now } }),
      ...(digest === false
        ? []
        : [weeklyDigestJob(options.sql, { everyMs: digest.everyMs ?? 15 * 60_000, afterMs: digest.afterMs ?? 9 * 3_600_000, now, currentConfig })]),
    ],
    options.log,
  );
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
        await stopJobs();
        await options.sql.close();
      })();
      return closing;
    },
  };
}

import type { HttpBindings } from '@hono/node-server';
import type { Sql } from '../db/sql.js';
import type { Logger } from '../log.js';
import type { App, CsmUser } from '@waymark/core';
import type { ContractRecorder } from './check-responses.js';

// The shapes of the context variables below live here, under the features whose middleware sets them
// (apps/: the key's app; auth/: the CSM's session), so every feature can name CollectorEnv.

/** An app as shown to its admins, never with its secret key (core's contract type). */
export type AppRecord = App;

/** Kinds of key an app has. */
export type KeyKind = 'public' | 'secret';

/** What a CSM user may do: `admin` sees every app and manages CSM users; `csm` sees the apps granted to them. */
export type CsmRole = CsmUser['role'];

/** Who a session belongs to. */
export interface CsmPrincipal {
  userId: string;
  email: string;
  name: string;
  role: CsmRole;
  /** When the session ends at the latest (absolute limit). */
  expiresAt: number;
}

/** What the collector's routes are given. */
export interface CollectorDeps {
  sql: Sql;
  log: Logger;
  /** Directory holding the SDK build served at /sdk/ (packages/sdk/dist). */
  sdkDir?: string | undefined;
  /** Directory holding the dashboard build served at /dashboard (apps/dashboard/dist). */
  dashboardDir?: string | undefined;
  /** Server clock, injectable for tests. */
  now?: () => number;
  /** How long a key's app is cached in memory (default 5 s): a rotated key stops working within it. */
  keyCacheMs?: number;
  /** Statements of merged batches in flight at once (default 4 on PostgreSQL, 1 on PGlite). */
  writeConcurrency?: number;
  /**
   * Trust X-Forwarded-For, -Proto and -Host from a reverse proxy in front (default false): the
   * login throttle's client IP, Secure cookies and the same-origin check then use them.
   */
  trustProxy?: boolean;
  /**
   * Check every answer against core's contract (`apiRoutes`): a mismatch is logged, reported to
   * the recorder and answered as 500 `contract_violation` (default false; the test suite turns it on).
   */
  checkResponses?: boolean | ContractRecorder;
}

/** CollectorDeps with the server clock and the proxy trust defaulted: what routes are given. */
export interface RouteDeps extends CollectorDeps {
  now: () => number;
  trustProxy: boolean;
}

/** Defaults the capabilities of `deps`, once, where the collector is put together. */
export function routeDeps(deps: CollectorDeps): RouteDeps {
  return { ...deps, now: deps.now ?? Date.now, trustProxy: deps.trustProxy ?? false };
}

/** Typed context variables set by middleware. */
export interface CollectorEnv {
  /** Node's request and response when served by @hono/node-server; absent under app.request(). */
  Bindings: Partial<HttpBindings> | undefined;
  Variables: {
    app: AppRecord;
    keyKind: KeyKind;
    requestId: string;
    /** The CSM whose session cookie authenticated the request, when one did. */
    csm: CsmPrincipal | undefined;
  };
}

import type { Context } from 'hono';
import { findCsmSession } from './csm-sessions.js';
import { csrfGuard } from './csrf-guard.js';
import type { RouteDeps, CollectorEnv, CsmPrincipal } from '../http/env.js';
import { readSessionToken } from './session-cookie.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSM of the request's session cookie, or undefined (no cookie, or an expired or unknown
 * session). A state-changing request authenticated this way must pass the CSRF guard.
 * Sets the `csm` context variable.
 */
export async function loadCsm(c: Context<CollectorEnv>, deps: RouteDeps): Promise<CsmPrincipal | undefined> {
  const token = readSessionToken(c);
  const csm = token ? await findCsmSession(deps.sql, token, deps.now()) : undefined;
  if (csm && !safeMethods.has(c.req.method)) csrfGuard(c, deps.trustProxy);
  c.set('csm', csm);
  return csm;
}

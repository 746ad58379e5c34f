import { Hono } from 'hono';
import { loginBodySchema } from '@waymark/core';
import { csmApps } from './csm-apps.js';
import { createCsmSession, deleteCsmSession } from './csm-sessions.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { loginRetryAfter, recordLoginAttempt } from './login-throttle.js';
import { ApiError } from '../http/api-error.js';
import { csrfGuard } from './csrf-guard.js';
import type { RouteDeps, CollectorEnv, CsmPrincipal } from '../http/env.js';
import { clientIp } from '../http/proxy-aware.js';
import { jsonBody } from '../http/json-body.js';
import { requireCsm } from './require-csm.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie.js';

// One message for an unknown email, a wrong password and a disabled user, so none can be told apart.
const invalidCredentials = () => new ApiError(401, 'invalid_credentials', 'wrong email or password');
const noStore = { 'Cache-Control': 'no-store' };

/**
 * `/v1/auth`: dashboard login (sets the `waymark_session` cookie), logout and who is logged in.
 * Failed logins are throttled per email and per client IP (429 with Retry-After).
 */
export function authRoute(deps: RouteDeps): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  // Hashed once, lazily: unknown emails are checked against it so they cost as much time as known ones.
  let decoy: Promise<string> | undefined;
  const decoyHash = () => {
    decoy ??= hashPassword('not a password of anyone');
    return decoy;
  };

  const whoAndApps = async (csm: Pick<CsmPrincipal, 'userId' | 'email' | 'name' | 'role'>) => ({
    user: { email: csm.email, name: csm.name, role: csm.role },
    apps: await csmApps(deps.sql, csm),
  });

  route.post('/login', async (c) => {
    // No session yet, but the same guard stops another site logging a browser in (login CSRF).
    csrfGuard(c, deps.trustProxy);
    const body = await jsonBody(c.req.raw, c.env?.incoming, loginBodySchema, 4096, { field: 'email' });
    const email = body.email.trim().toLowerCase();
    const ip = clientIp(c, deps.trustProxy);
    const wait = await loginRetryAfter(deps.sql, { email, ip }, deps.now());
    if (wait > 0) {
      const error = new ApiError(429, 'too_many_attempts', `too many failed logins; try again in ${wait} seconds`, undefined, { retryAfter: wait });
      return c.json(error.body(), 429, { 'Retry-After': String(wait), ...noStore });
    }
    const { rows } = await deps.sql.query<{ id: string; email: string; name: string; role: 'admin' | 'csm'; password_hash: string; disabled_at: unknown }>(
      'select id, email, name, role, password_hash, disabled_at from csm_users where lower(email) = $1',
      [email],
    );
    const user = rows[0];
    const matches = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash()));
    if (!user || !matches || user.disabled_at !== null) {
      await recordLoginAttempt(deps.sql, { email, ip, succeeded: false }, deps.now());
      throw invalidCredentials();
    }
    await recordLoginAttempt(deps.sql, { email, ip, succeeded: true }, deps.now());
    const session = await createCsmSession(deps.sql, user.id, deps.now());
    setSessionCookie(c, session.token, session.expiresAt, deps.now(), deps.trustProxy);
    return c.json(await whoAndApps({ userId: user.id, email: user.email, name: user.name, role: user.role }), 200, noStore);
  });

  route.post('/logout', async (c) => {
    const token = readSessionToken(c);
    if (token) {
      csrfGuard(c, deps.trustProxy);
      await deleteCsmSession(deps.sql, token);
    }
    clearSessionCookie(c, deps.trustProxy);
    return c.body(null, 204);
  });

  route.get('/me', requireCsm(deps), async (c) => c.json(await whoAndApps(c.get('csm')!), 200, noStore));

  return route;
}

import type { Context } from 'hono';
import { ApiError } from '../http/api-error.js';
import type { CollectorEnv } from '../http/env.js';
import { requestHost } from '../http/proxy-aware.js';

/**
 * Refuses cross-site use of the session cookie on a state-changing request. The cookie is
 * SameSite=Strict already; on top of that the body must be declared application/json (which a
 * cross-site form cannot send, and which makes a cross-origin fetch preflight), and an Origin
 * header, when present, must be this collector's own host. Requests with no Origin at all come
 * from non-browser clients (browsers send it on every POST, PUT, PATCH and DELETE), unless
 * Sec-Fetch-Site says otherwise.
 */
export function csrfGuard(c: Context<CollectorEnv>, trustProxy: boolean): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(
      415,
      'unsupported_content_type',
      `requests authenticated by the session cookie that change something must be sent as application/json, not "${type || '(none)'}"`,
    );
  }
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  let sameOrigin = site === undefined || site === 'same-origin' || site === 'none';
  if (origin !== undefined) {
    try {
      sameOrigin = new URL(origin).host === requestHost(c, trustProxy);
    } catch {
      sameOrigin = false; // "null" (sandboxed frames, some redirects) or garbage
    }
  }
  if (!sameOrigin)
    throw new ApiError(403, 'cross_origin', `a request from ${origin ?? 'another site'} cannot use the dashboard session; only pages of this collector can`);
}

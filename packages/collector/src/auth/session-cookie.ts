import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CollectorEnv } from '../http/env.js';
import { isHttps } from '../http/proxy-aware.js';

/** The cookie carrying a CSM's session token. */
export const sessionCookieName = 'waymark_session';

/** The session token sent by the browser, if any. */
export function readSessionToken(c: Context<CollectorEnv>): string | undefined {
  return getCookie(c, sessionCookieName) || undefined;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when served over HTTPS. */
export function setSessionCookie(c: Context<CollectorEnv>, token: string, expiresAt: number, now: number, trustProxy: boolean): void {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c, trustProxy),
    maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)),
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context<CollectorEnv>, trustProxy: boolean): void {
  deleteCookie(c, sessionCookieName, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c, trustProxy) });
}

import type { Context } from 'hono';
import type { CollectorEnv } from './env.js';

// The first value of a possibly comma-separated forwarded header.
const first = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined;

/** The host the browser addressed (X-Forwarded-Host behind a trusted proxy, else Host). */
export function requestHost(c: Context<CollectorEnv>, trustProxy: boolean): string {
  return (trustProxy ? first(c.req.header('x-forwarded-host')) : undefined) ?? c.req.header('host') ?? new URL(c.req.url).host;
}

/** Whether the browser reached us over HTTPS (X-Forwarded-Proto behind a trusted proxy). */
export function isHttps(c: Context<CollectorEnv>, trustProxy: boolean): boolean {
  return new URL(c.req.url).protocol === 'https:' || (trustProxy && first(c.req.header('x-forwarded-proto')) === 'https');
}

/** The client's IP: the first X-Forwarded-For hop behind a trusted proxy, else the socket's peer. */
export function clientIp(c: Context<CollectorEnv>, trustProxy: boolean): string {
  return (trustProxy ? first(c.req.header('x-forwarded-for')) : undefined) ?? c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}

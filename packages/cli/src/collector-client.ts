import type { ApiErrorBody } from '@waymark/core';
import { CliError } from './cli-error.js';

/** The collector's JSON error body; none when the answer was not one (another server at the URL). */
type ErrorBody = Partial<ApiErrorBody>;

/** A refused request: the status and the collector's error body. */
export class CollectorRefused extends CliError {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`the collector refused the request (${status}${body.error?.code ? ` ${body.error.code}` : ''}): ${body.error?.message ?? 'no details'}`);
  }
}

/** Calls to the collector's admin API with the secret key. */
export interface CollectorClient {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; text: string }>;
}

/** A client for `url` with `key`; network failures and non-2xx answers become clear CliErrors. */
export function collectorClient(url: string, key: string | undefined, fetchFn: typeof fetch = fetch): CollectorClient {
  if (!key) throw new CliError('no secret key: set WAYMARK_SECRET_KEY or pass --key sk_...', 2);
  if (!key.startsWith('sk_')) throw new CliError(`the key must be the app's secret key (sk_...), not ${key.slice(0, 3)}...`, 2);
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new CliError(`the collector URL "${url}" is not a URL (set WAYMARK_URL or --url, e.g. http://localhost:8787)`, 2);
  }
  return {
    async request(method, path, body) {
      let res: Response;
      try {
        res = await fetchFn(new URL(path, base), {
          method,
          headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new CliError(
          `cannot reach the collector at ${base.origin} (${cause?.code ?? cause?.message ?? (error as Error).message}); is it running? Set WAYMARK_URL or --url`,
        );
      }
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new CliError(`the collector at ${base.origin} answered ${res.status} with something that is not JSON; is WAYMARK_URL a Waymark collector?`);
      }
      if (!res.ok) throw new CollectorRefused(res.status, (parsed ?? {}) as ErrorBody);
      return { status: res.status, body: parsed, text };
    },
  };
}

import { parseRetryAfter, retryDecision } from '@waymark/core';
import type { Platform } from './platform.js';

/** What became of one request: the ids the collector named, a retry (maybe with a server-given delay), or a refusal. */
export type PostOutcome = { kind: 'done'; ids: string[] } | { kind: 'retry'; afterMs?: number | undefined } | { kind: 'drop' };

function namedIds(data: unknown): string[] {
  const results = (data as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return [];
  return results.map((r: { messageId?: unknown } | null) => r?.messageId).filter((id): id is string => typeof id === 'string');
}

/** Sends one batch body (text/plain, so no CORS preflight) and classifies the answer. Never rejects. */
export async function postBatch(platform: Pick<Platform, 'fetch' | 'now'>, url: string, body: string): Promise<PostOutcome> {
  try {
    const res = await platform.fetch(url, { method: 'POST', keepalive: true, body, headers: { 'Content-Type': 'text/plain' } });
    const decision = retryDecision(res.status);
    if (decision === 'drop') return { kind: 'drop' };
    if (decision === 'retry') return { kind: 'retry', afterMs: parseRetryAfter(res.headers.get('Retry-After'), platform.now()) };
    const ids = namedIds(await res.json());
    // A success that names none of our messages confirms nothing: retry later rather than in a hot loop.
    return ids.length > 0 ? { kind: 'done', ids } : { kind: 'retry' };
  } catch {
    return { kind: 'retry' };
  }
}

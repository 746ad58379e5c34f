/** What a sender does with a finished request: done, retry later, or give up on the payload. */
export type RetryDecision = 'done' | 'retry' | 'drop';

/**
 * Decides from an HTTP status (or `undefined` for a network error) whether to retry.
 * Network errors, 408, 429 and 5xx are retried; any other 4xx is final (the payload is wrong,
 * sending it again cannot help).
 */
export function retryDecision(status: number | undefined): RetryDecision {
  if (status === undefined) return 'retry';
  if (status >= 200 && status < 300) return 'done';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'drop';
}

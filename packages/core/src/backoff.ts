/** How retries are spaced: exponential growth from `baseMs`, capped at `capMs`. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  factor?: number;
}

/** Default retry spacing for delivery: 1 s doubling up to 5 minutes. */
export const defaultBackoff: BackoffOptions = { baseMs: 1000, capMs: 5 * 60_000, factor: 2 };

/**
 * Delay before retry number `attempt` (0-based), with "equal jitter": half of the
 * exponential step is fixed, half is random, so retries spread out but never collapse to 0.
 * `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = defaultBackoff): number {
  const factor = options.factor ?? 2;
  const exp = Math.min(options.capMs, options.baseMs * factor ** Math.max(0, Math.min(attempt, 60)));
  const half = exp / 2;
  return Math.round(half + random() * half);
}

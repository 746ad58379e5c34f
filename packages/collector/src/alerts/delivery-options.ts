import type { BackoffOptions } from '@waymark/core';

/** How webhooks are sent: the capabilities (fetch, clock, randomness) and the retry policy. */
export interface DeliveryOptions {
  /** Global fetch by default. */
  fetch: typeof fetch;
  now: () => number;
  /** For the backoff's jitter, in [0, 1). */
  random: () => number;
  /** Attempts per delivery before it is marked failed. */
  maxAttempts: number;
  /** Spacing of retries (core's backoffDelay, equal jitter). */
  backoff: BackoffOptions;
  /** Per attempt: no answer within it is an error, retried. */
  timeoutMs: number;
}

/** 10 attempts, from 10 s doubling to at most 1 h apart (about 2.5 hours in all), 10 s timeout. */
export const defaultDeliveryOptions: DeliveryOptions = {
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  random: () => Math.random(),
  maxAttempts: 10,
  backoff: { baseMs: 10_000, capMs: 3_600_000, factor: 2 },
  timeoutMs: 10_000,
};

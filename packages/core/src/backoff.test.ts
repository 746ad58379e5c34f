import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { parseRetryAfter } from './retry-after.js';
import { retryDecision } from './retry-decision.js';

describe('backoffDelay', () => {
  const opts = { baseMs: 1000, capMs: 30_000 };
  it('grows exponentially with jitter between half and the full step', () => {
    expect(backoffDelay(0, () => 0, opts)).toBe(500);
    expect(backoffDelay(0, () => 0.999999, opts)).toBe(1000);
    expect(backoffDelay(3, () => 0, opts)).toBe(4000);
    expect(backoffDelay(3, () => 0.5, opts)).toBe(6000);
  });
  it('is capped, even for huge attempt numbers', () => {
    expect(backoffDelay(10, () => 0.999999, opts)).toBe(30_000);
    expect(backoffDelay(1e9, () => 0, opts)).toBe(15_000);
    expect(Number.isFinite(backoffDelay(5000, () => 0.5))).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  });
  it('ignores absent or garbage values, never goes negative, caps', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999999', now)).toBe(3_600_000);
  });
});

describe('retryDecision', () => {
  it('retries network errors, 408, 429 and 5xx; never another 4xx', () => {
    expect(retryDecision(undefined)).toBe('retry');
    expect([200, 204].map(retryDecision)).toEqual(['done', 'done']);
    expect([408, 429, 500, 502, 503].map(retryDecision)).toEqual(Array(5).fill('retry'));
    expect([400, 401, 403, 404, 413, 415].map(retryDecision)).toEqual(Array(6).fill('drop'));
  });
});

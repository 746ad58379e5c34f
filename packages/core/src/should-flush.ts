/** When the SDK sends what it has queued. */
export interface FlushRules {
  /** Send as soon as this many messages are queued. */
  maxCount: number;
  /** Send as soon as the queued messages reach this many bytes. */
  maxBytes: number;
  /** Otherwise send this long after the oldest unsent message was queued. */
  intervalMs: number;
}

/** Default flush rules of the browser tracker. */
export const defaultFlushRules: FlushRules = { maxCount: 20, maxBytes: 32 * 1024, intervalMs: 2000 };

/** Returns 0 to flush now, or the number of milliseconds to wait before flushing. */
export function flushDelay(queued: { count: number; bytes: number; oldestAt: number }, nowMs: number, rules: FlushRules): number {
  if (queued.count === 0) return Infinity;
  if (queued.count >= rules.maxCount || queued.bytes >= rules.maxBytes) return 0;
  return Math.max(0, queued.oldestAt + rules.intervalMs - nowMs);
}

/**
 * Parses an HTTP `Retry-After` header (delta-seconds or an HTTP date) into milliseconds
 * from `nowMs`. Returns undefined when absent or unreadable; never negative; capped at `capMs`.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number, capMs = 60 * 60_000): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Math.min(capMs, Number(text) * 1000);
  if (/^[-+]?\d/.test(text)) return undefined; // a signed or partial number, not an HTTP date
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(capMs, Math.max(0, at - nowMs));
}

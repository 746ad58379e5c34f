/** Where the stored timestamp of an event came from. */
export type TimestampSource =
  /** the client's timestamp, shifted by the client/server clock offset of its batch */
  | 'client_corrected'
  /** the client's timestamp as sent (no `sentAt` to measure the offset) */
  | 'client'
  /** the client gave no timestamp; the time the collector received it */
  | 'server'
  /** the corrected time was in the future; clamped to the time received */
  | 'server_clamped';

/** Tolerance for corrected timestamps ahead of the server clock before they are clamped. */
export const maxFutureSkewMs = 60_000;

/**
 * The client clock's offset from the server: add it to a client time to get server time.
 * `sentAtMs` is the client clock when the request left; `receivedAtMs` the server clock on arrival.
 */
export function clockOffset(sentAtMs: number, receivedAtMs: number): number {
  return receivedAtMs - sentAtMs;
}

/**
 * Corrects one event time. The offset is measured per request (Segment's convention:
 * `timestamp + (receivedAt - sentAt)`), so a retried batch re-measures it on each attempt.
 */
export function correctTimestamp(input: { timestampMs: number | undefined; sentAtMs: number | undefined; receivedAtMs: number }): {
  timestampMs: number;
  source: TimestampSource;
} {
  const { timestampMs, sentAtMs, receivedAtMs } = input;
  if (timestampMs === undefined) return { timestampMs: receivedAtMs, source: 'server' };
  const corrected = sentAtMs === undefined ? timestampMs : timestampMs + clockOffset(sentAtMs, receivedAtMs);
  if (corrected > receivedAtMs + maxFutureSkewMs) return { timestampMs: receivedAtMs, source: 'server_clamped' };
  return { timestampMs: corrected, source: sentAtMs === undefined ? 'client' : 'client_corrected' };
}

import { describe, expect, it } from 'vitest';
import { clockOffset, correctTimestamp, maxFutureSkewMs } from './correct-timestamp.js';

describe('correctTimestamp', () => {
  const server = Date.parse('2026-05-01T12:00:00Z');
  it('shifts by the offset between the client clock at send time and the server clock', () => {
    const clientBehind = server - 3_600_000;
    expect(clockOffset(clientBehind, server)).toBe(3_600_000);
    expect(correctTimestamp({ timestampMs: clientBehind - 10_000, sentAtMs: clientBehind, receivedAtMs: server })).toEqual({
      timestampMs: server - 10_000,
      source: 'client_corrected',
    });
  });
  it('keeps the client time when it cannot measure the offset', () => {
    expect(correctTimestamp({ timestampMs: server - 5, sentAtMs: undefined, receivedAtMs: server })).toEqual({ timestampMs: server - 5, source: 'client' });
  });
  it('uses the receive time when there is no timestamp', () => {
    expect(correctTimestamp({ timestampMs: undefined, sentAtMs: undefined, receivedAtMs: server })).toEqual({ timestampMs: server, source: 'server' });
  });
  it('clamps far-future times but tolerates a little skew', () => {
    expect(correctTimestamp({ timestampMs: server + maxFutureSkewMs + 1, sentAtMs: undefined, receivedAtMs: server }).source).toBe('server_clamped');
    expect(correctTimestamp({ timestampMs: server + 1000, sentAtMs: undefined, receivedAtMs: server }).source).toBe('client');
  });
});

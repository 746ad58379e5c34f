import { envelopeOverheadBytes, limits } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { packBatches } from './pack-batches.js';
import type { SimMessage } from './simulation-types.js';

const message = (i: number, padding = 0): SimMessage => ({
  at: Date.parse('2026-11-01T10:00:00Z') + i,
  body: { type: 'track', messageId: `m-${i}`, userId: 'u1', event: 'Task Added', properties: { note: 'é'.repeat(padding) } },
});

// A batch's request body as the sender builds it, in bytes.
const bodyBytes = (batch: string[]) => Buffer.byteLength(`{"sentAt":"2026-11-22T12:00:00.000Z","batch":[${batch.join(',')}]}`);

describe('packBatches', () => {
  it('keeps every message, in order, with its timestamp', () => {
    const batches = [
      ...packBatches(
        Array.from({ length: 1234 }, (_, i) => message(i)),
        { maxCount: 100, maxBytes: 400_000 },
      ),
    ];
    expect(batches.map((b) => b.messages.length)).toEqual([...Array(12).fill(100), 34]);
    const all = batches.flatMap((b) => b.messages.map((json) => JSON.parse(json) as { messageId: string; timestamp: string }));
    expect(all.map((m) => m.messageId)).toEqual(Array.from({ length: 1234 }, (_, i) => `m-${i}`));
    expect(all[1]!.timestamp).toBe('2026-11-01T10:00:00.001Z');
  });

  it('stays under the byte limit with multi-byte text, counting the envelope', () => {
    const messages = Array.from({ length: 300 }, (_, i) => message(i, 3000 + (i % 7) * 500));
    const batches = [...packBatches(messages)];
    expect(batches.length).toBeGreaterThan(3);
    for (const b of batches) {
      expect(bodyBytes(b.messages)).toBeLessThanOrEqual(limits.maxBatchBytes);
      expect(b.bytes).toBeLessThanOrEqual(limits.maxBatchBytes);
      expect(b.bytes).toBeGreaterThanOrEqual(bodyBytes(b.messages) - envelopeOverheadBytes);
      for (const json of b.messages) expect(Buffer.byteLength(json)).toBeLessThanOrEqual(limits.maxMessageBytes);
    }
    expect(batches.reduce((n, b) => n + b.messages.length, 0)).toBe(300);
  });

  it('never exceeds the collector message count, and refuses a message over 32 KB', () => {
    const batches = [
      ...packBatches(
        Array.from({ length: 4500 }, (_, i) => message(i)),
        { maxCount: 5000, maxBytes: 10_000_000 },
      ),
    ];
    for (const b of batches) expect(b.messages.length).toBeLessThanOrEqual(limits.maxBatchMessages);
    expect(() => [...packBatches([message(0, 20_000)])]).toThrow(/over the 32768-byte limit/);
  });
});

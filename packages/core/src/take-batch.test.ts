import { describe, expect, it } from 'vitest';
import { byteLength } from './byte-length.js';
import { flushDelay } from './should-flush.js';
import { envelopeOverheadBytes, splitBatches, takeBatch } from './take-batch.js';

const items = (...bytes: number[]) => bytes.map((b, id) => ({ id, bytes: b }));

describe('takeBatch and splitBatches', () => {
  it('takes by count and by bytes', () => {
    expect(takeBatch(items(10, 10, 10), { maxCount: 2, maxBytes: 1e6 }).map((i) => i.id)).toEqual([0, 1]);
    const limit = envelopeOverheadBytes + 25;
    expect(takeBatch(items(10, 10, 10), { maxCount: 10, maxBytes: limit }).map((i) => i.id)).toEqual([0, 1]);
  });
  it('always takes one oversized item so the queue cannot stall', () => {
    expect(takeBatch(items(1e6, 1), { maxCount: 10, maxBytes: 1000 }).map((i) => i.id)).toEqual([0]);
    expect(takeBatch([], { maxCount: 10, maxBytes: 1000 })).toEqual([]);
  });
  it('splits everything in order, each batch within the limit', () => {
    const all = items(...Array.from({ length: 100 }, (_, i) => 100 + (i % 7) * 300));
    const batches = splitBatches(all, { maxCount: 50, maxBytes: 5000 });
    expect(batches.flat().map((i) => i.id)).toEqual(all.map((i) => i.id));
    for (const b of batches) expect(envelopeOverheadBytes + b.reduce((s, i) => s + i.bytes + 1, 0)).toBeLessThanOrEqual(5000);
  });
});

describe('flushDelay', () => {
  const rules = { maxCount: 3, maxBytes: 100, intervalMs: 2000 };
  it('flushes at once over count or bytes, else when the interval since the oldest ends', () => {
    expect(flushDelay({ count: 0, bytes: 0, oldestAt: 0 }, 0, rules)).toBe(Infinity);
    expect(flushDelay({ count: 3, bytes: 10, oldestAt: 0 }, 0, rules)).toBe(0);
    expect(flushDelay({ count: 1, bytes: 100, oldestAt: 0 }, 0, rules)).toBe(0);
    expect(flushDelay({ count: 1, bytes: 10, oldestAt: 1000 }, 1500, rules)).toBe(1500);
    expect(flushDelay({ count: 1, bytes: 10, oldestAt: 1000 }, 9000, rules)).toBe(0);
  });
});

describe('byteLength', () => {
  it('matches the UTF-8 encoder', () => {
    for (const s of ['', 'abc', 'é', '日本語', '😀 ok', '\ud800 lone', 'a\u0000b']) expect(byteLength(s)).toBe(new TextEncoder().encode(s).length);
  });
});

import { describe, expect, it } from 'vitest';
import { createMessageId } from './message-id.js';

describe('createMessageId', () => {
  it('formats injected randomness as a version 4 UUID', () => {
    const id = createMessageId((n) => new Uint8Array(n).fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(createMessageId((n) => new Uint8Array(n))).toBe('00000000-0000-4000-8000-000000000000');
  });
  it('gives distinct ids for distinct randomness', () => {
    const bytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const ids = new Set(Array.from({ length: 1000 }, () => createMessageId(bytes)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

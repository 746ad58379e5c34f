import { describe, expect, it } from 'vitest';
import { limits } from './limits.js';
import { trackMessage } from './message.js';

const base = { type: 'track', messageId: 'm1', timestamp: '2026-01-01T00:00:00.000Z', userId: 'u1' };
const problem = (event: unknown) => {
  const r = trackMessage.safeParse({ ...base, event });
  return r.success ? 'ok' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
};

describe('a track message names what is wrong with its event name', () => {
  it('accepts a name of the longest allowed length', () => {
    expect(problem('x'.repeat(limits.maxEventNameLength))).toBe('ok');
  });
  it('says a name one character too long is too long, not missing', () => {
    expect(problem('x'.repeat(limits.maxEventNameLength + 1))).toBe(`event: must be at most ${limits.maxEventNameLength} characters`);
  });
  it('says a missing name is required, an empty one empty, and a number not a string', () => {
    expect(problem(undefined)).toBe('event: is required (the event name)');
    expect(problem('')).toBe('event: must not be empty');
    expect(problem(42)).toBe('event: must be a string (the event name)');
  });
});

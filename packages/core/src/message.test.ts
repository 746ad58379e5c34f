import { describe, expect, it } from 'vitest';
import { inspectJson } from './json-shape.js';

const checkJsonShape = (v: unknown, base: string, depth?: number) => inspectJson(v, base, depth).problem;
import { eventKey } from './event-key.js';
import { batchEnvelope, message } from './message.js';

const base = { messageId: 'm1', userId: 'u1', timestamp: '2026-01-01T00:00:00.000Z' };

describe('message schema', () => {
  it('accepts the four Segment message types', () => {
    for (const m of [
      { ...base, type: 'track', event: 'Signed Up', properties: { plan: 'pro' } },
      { ...base, type: 'identify', traits: { email: 'a@b.c' } },
      { ...base, type: 'group', groupId: 'acct-1', traits: { seats: 5 } },
      { ...base, type: 'page', name: 'Home', properties: { path: '/' } },
    ])
      expect(message.safeParse(m).success).toBe(true);
  });
  it('turns numeric ids into strings', () => {
    const r = message.parse({ ...base, userId: 42, type: 'group', groupId: 7 });
    expect([r.userId, r.type === 'group' && r.groupId]).toEqual(['42', '7']);
  });
  it('names the field of a problem', () => {
    const path = (m: unknown) => {
      const r = message.safeParse(m);
      return r.success ? undefined : r.error.issues[0]!.path.join('.');
    };
    expect(path({ ...base, type: 'track' })).toBe('event');
    expect(path({ ...base, type: 'alias' })).toBe('type');
    expect(path({ type: 'track', event: 'x', userId: 'u' })).toBe('messageId');
    expect(path({ type: 'track', event: 'x', messageId: 'm' })).toBe('userId');
    expect(path({ ...base, type: 'track', event: 'x', timestamp: '1 Jan' })).toBe('timestamp');
  });
  it('takes properties, traits and context only as JSON objects, kept as sent', () => {
    const problem = (m: unknown) => {
      const r = message.safeParse(m);
      return r.success ? undefined : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`;
    };
    expect(problem({ ...base, type: 'track', event: 'x', properties: ['a'] })).toBe('properties: must be a JSON object');
    expect(problem({ ...base, type: 'identify', traits: 'pro' })).toBe('traits: must be a JSON object');
    expect(problem({ ...base, type: 'page', context: null })).toBe('context: must be a JSON object');
    const properties = { plan: 'pro', nested: { list: [1, { a: null }] } };
    const parsed = message.parse({ ...base, type: 'track', event: 'x', properties });
    expect(parsed.type === 'track' && parsed.properties).toEqual(properties);
  });
  it('checks the batch envelope', () => {
    expect(batchEnvelope.safeParse({ batch: [] }).success).toBe(true);
    expect(batchEnvelope.safeParse({ batch: {} }).success).toBe(false);
    expect(batchEnvelope.safeParse({ batch: [], dropped: -1 }).success).toBe(false);
  });
});

describe('inspectJson', () => {
  it('measures the JSON size of a value', () => {
    for (const v of [{ a: 1, b: [true, null, 'x'], c: { d: 'é😀' } }, [], {}, 'plain', 12.5, [[1], [2, 3]]]) {
      expect(inspectJson(v, '').bytes).toBe(new TextEncoder().encode(JSON.stringify(v)).length);
    }
  });

  it('finds depth, forbidden keys and unstorable strings, with a path', () => {
    expect(checkJsonShape({ a: { b: [1, { c: 2 }] } }, 'x')).toBeUndefined();
    expect(checkJsonShape({ a: { b: { c: 1 } } }, '', 2)).toEqual({ path: 'a.b', reason: 'nested deeper than 2 levels' });
    expect(checkJsonShape(JSON.parse('{"p":{"__proto__":1}}'), '')?.path).toBe('p.__proto__');
    expect(checkJsonShape({ list: ['ok', 'bad\u0000'] }, '')).toEqual({ path: 'list[1]', reason: 'contains a NUL character (\\u0000)' });
    expect(checkJsonShape({ s: '\udc00' }, '')?.reason).toMatch(/surrogate/);
    expect(checkJsonShape({ s: '😀' }, '')).toBeUndefined();
    expect(checkJsonShape({ ok: 'é', list: [{ fine: 1 }, { 'k\u0000': 1 }] }, 'batch[2]')).toEqual({
      path: 'batch[2].list[1].k\u0000',
      reason: 'key contains a NUL character (\\u0000)',
    });
    expect(checkJsonShape({ a: [[[1]]] }, '', 3)).toEqual({ path: 'a[0][0]', reason: 'nested deeper than 3 levels' });
  });
});

describe('eventKey', () => {
  it('counts tracks by name, pages as $page, tagged features per feature', () => {
    expect(eventKey(message.parse({ ...base, type: 'track', event: 'Report Exported' }))).toBe('Report Exported');
    expect(eventKey(message.parse({ ...base, type: 'track', event: 'Feature Used', properties: { feature: 'reports.export' } }))).toBe(
      'Feature Used:reports.export',
    );
    expect(eventKey(message.parse({ ...base, type: 'page' }))).toBe('$page');
    expect(eventKey(message.parse({ ...base, type: 'identify' }))).toBeUndefined();
  });
});

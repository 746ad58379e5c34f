import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from './api-routes.js';
import { userStateSchema } from './state.js';

describe('apiRoutes', () => {
  it('names each method and path once', () => {
    const keys = apiRoutes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives each path parameter a schema, and no more', () => {
    for (const r of apiRoutes) {
      const inPath = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(r.params?.shape ?? {}).sort(), `${r.method} ${r.path}`).toEqual(inPath);
    }
  });

  it('describes every status with a JSON body, another media type, or none (204, 304)', () => {
    for (const r of apiRoutes) {
      for (const [status, res] of Object.entries(r.responses)) {
        expect(status, `${r.method} ${r.path}`).toMatch(/^[1-5]\d\d$/);
        expect(res.schema !== undefined || res.media !== undefined || status === '204' || status === '304', `${r.method} ${r.path} ${status}`).toBe(true);
        if (res.schema) expect(() => z.toJSONSchema(res.schema!, { unrepresentable: 'any' })).not.toThrow();
      }
    }
  });
});

describe('the contract schemas', () => {
  it('refuse a drifting field', () => {
    const state = {
      snapshot: { user: { events: {}, traits: {} }, account: { events: {}, traits: {} }, milestones: [], items: {}, completed: [] },
      guides: {},
      dismissed: [],
      configVersion: null,
      overrides: {},
      celebrated: [],
      announcements: {},
      nudges: [],
    };
    expect(userStateSchema.safeParse(state).success).toBe(true);
    expect(userStateSchema.safeParse({ ...state, configVersion: undefined }).success).toBe(false);
    expect(userStateSchema.safeParse({ ...state, extra: 1 }).success).toBe(false);
    expect(userStateSchema.safeParse({ ...state, guides: { tour: { status: 'active', at: 1 } } }).success).toBe(false);
  });
});

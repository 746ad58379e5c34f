import { noFacts, type Announcement, type WaymarkConfig } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { whatsNew } from './whats-new.js';

const a = (key: string, extra: Partial<Announcement> = {}) => ({ key, kind: 'slideout', title: key, body: '', ...extra }) as Announcement;
const config = {
  announcements: [
    a('undated'),
    a('old', { published: '2026-10-02' }),
    a('new', { published: '2026-11-20' }),
    a('scheduled', { published: '2026-12-24' }),
    a('admins', { published: '2026-11-01', audience: { trait: 'role', op: 'eq', value: 'admin' } }),
  ],
} as unknown as WaymarkConfig;

describe("What's new", () => {
  it('lists what is published by now for this audience, newest first, undated last, each read or not', () => {
    const list = whatsNew(config, noFacts(Date.UTC(2026, 11, 6)), { old: { clicked: false, dismissed: false } });
    expect(list.map((n) => [n.a.key, n.read])).toEqual([
      ['new', false],
      ['old', true],
      ['undated', false],
    ]);
    // On its day, the scheduled one is there.
    expect(whatsNew(config, noFacts(Date.UTC(2026, 11, 24)), {})[0]?.a.key).toBe('scheduled');
  });
});

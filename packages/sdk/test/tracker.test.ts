import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWaymark } from '../src/index.js';
import { memoryStorage, setup, settle } from './harness.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('tracker', () => {
  const cleanups: Array<() => void> = [];
  const start = (...args: Parameters<typeof setup>) => {
    const t = setup(...args);
    cleanups.push(t.waymark.destroy);
    return t;
  };
  beforeEach(() => {
    history.replaceState(null, '', '/app?tab=1');
    document.title = 'Acme';
  });
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('sends a page view on start with Segment context', async () => {
    const t = start();
    await t.waymark.flush();
    const [page] = t.messages();
    expect(page).toMatchObject({
      type: 'page',
      properties: { url: location.href, path: '/app', search: '?tab=1', title: 'Acme', referrer: document.referrer },
    });
    expect(page?.messageId).toMatch(uuid);
    expect(page?.anonymousId).toMatch(uuid);
    expect(page?.userId).toBeUndefined();
    expect(new Date(String(page?.timestamp)).toISOString()).toBe(page?.timestamp);
    expect(page?.context).toMatchObject({
      page: { url: location.href, path: '/app', search: '?tab=1', title: 'Acme' },
      userAgent: navigator.userAgent,
      locale: navigator.language,
      library: { name: 'waymark', version: '0.1.0' },
    });
    expect(typeof page?.context['timezone']).toBe('string');
    expect(t.requests[0]).toMatchObject({ writeKey: 'pk_test' });
    expect(new Date(t.requests[0]!.sentAt).toISOString()).toBe(t.requests[0]!.sentAt);
  });

  it('identify, group and track build the expected messages; groupId follows group()', async () => {
    const t = start({ autoPage: false });
    t.waymark.track('Before');
    t.waymark.identify('u1', { plan: 'pro' });
    t.waymark.identify('u1', { role: 'admin' });
    t.waymark.group(42, { seats: 5 });
    t.waymark.track('Report Exported', { format: 'csv' });
    await t.waymark.flush();
    const [before, id1, id2, group, track] = t.messages();
    expect(before).toMatchObject({ type: 'track', event: 'Before', properties: {} });
    expect(before?.context['groupId']).toBeUndefined();
    expect(id1).toMatchObject({ type: 'identify', userId: 'u1', traits: { plan: 'pro' } });
    expect(id2).toMatchObject({ type: 'identify', userId: 'u1', traits: { plan: 'pro', role: 'admin' } });
    expect(group).toMatchObject({ type: 'group', groupId: '42', userId: 'u1', traits: { seats: 5 }, context: { groupId: '42' } });
    expect(track).toMatchObject({ type: 'track', event: 'Report Exported', userId: 'u1', properties: { format: 'csv' }, context: { groupId: '42' } });
    expect(new Set(t.messages().map((m) => m.anonymousId)).size).toBe(1);
  });

  it('an identify queued right after start applies to the first page view', async () => {
    const t = start();
    t.waymark.identify('u1');
    await t.waymark.flush();
    expect(t.messages().map((m) => [m.type, m.userId])).toEqual([
      ['identify', 'u1'],
      ['page', 'u1'],
    ]);
  });

  it('page(name, properties) and page(properties)', async () => {
    const t = start({ autoPage: false });
    t.waymark.page('Settings', { section: 'billing' });
    t.waymark.page({ section: 'team' });
    await t.waymark.flush();
    const [a, b] = t.messages();
    expect(a).toMatchObject({ type: 'page', name: 'Settings', properties: { section: 'billing', path: '/app' } });
    expect(b).toMatchObject({ type: 'page', properties: { section: 'team' } });
    expect(b).not.toHaveProperty('name');
  });

  it('identity persists across reloads; reset() forgets it and makes a new anonymousId', async () => {
    const storage = memoryStorage();
    const first = start({ autoPage: false, storage });
    first.waymark.identify('u1', { plan: 'pro' });
    first.waymark.group('acme');
    await first.waymark.flush();
    const anonymousId = first.messages()[0]?.anonymousId;
    first.waymark.destroy();

    const second = start({ autoPage: false, storage });
    second.waymark.track('Again');
    second.waymark.reset();
    second.waymark.track('After Reset');
    await second.waymark.flush();
    const [again, after] = second.messages();
    expect(again).toMatchObject({ anonymousId, userId: 'u1', context: { groupId: 'acme' } });
    expect(after?.userId).toBeUndefined();
    expect(after?.context['groupId']).toBeUndefined();
    expect(after?.anonymousId).toMatch(uuid);
    expect(after?.anonymousId).not.toBe(anonymousId);
    second.waymark.identify('u1');
    await second.waymark.flush();
    expect(second.messages()[2]).toMatchObject({ type: 'identify', traits: {} });
  });

  it('consent(false) drops the queue, stops collection and persists; consent(true) resumes', async () => {
    const storage = memoryStorage();
    const t = start({ autoPage: false, storage, respond: () => new Promise(() => undefined) });
    t.waymark.track('Queued');
    t.waymark.consent(false);
    t.waymark.track('Ignored');
    await settle();
    expect(await t.store.all()).toEqual([]);
    t.waymark.destroy();

    const reloaded = start({ autoPage: true, storage, store: t.store });
    await reloaded.waymark.flush();
    expect(reloaded.fetch).not.toHaveBeenCalled();
    reloaded.waymark.consent(true);
    reloaded.waymark.track('Counted');
    await reloaded.waymark.flush();
    expect(reloaded.messages().map((m) => m.event)).toEqual(['Counted']);
  });

  it('works when localStorage throws on every call', async () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const t = start({ autoPage: false, platform: { storage: throwing } });
    t.waymark.identify('u1');
    t.waymark.consent(false);
    t.waymark.track('Dropped');
    await t.waymark.flush();
    expect(t.messages()).toEqual([]);
  });

  it('never throws into the host page, whatever it is given', async () => {
    const t = start({ autoPage: false });
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const garbage: unknown[] = [undefined, null, '', 0, NaN, Infinity, [], {}, () => 1, Symbol('x'), 10n, circular, 'x'.repeat(300)];
    const api = t.waymark as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['identify', 'group', 'track', 'page', 'reset', 'consent', 'flush']) {
      for (const a of garbage) for (const b of garbage) expect(() => api[method]!(a, b)).not.toThrow();
    }
    t.waymark.consent(true);
    t.waymark.track('Big', { blob: 'x'.repeat(40 * 1024) });
    t.waymark.track('Fine');
    await expect(t.waymark.flush()).resolves.toBeUndefined();
    // The only calls that went through are the valid ones.
    expect(t.messages().every((m) => m.type !== 'track' || m.event === 'x' || m.event === 'Fine')).toBe(true);
    expect(t.messages().some((m) => m.event === 'Big')).toBe(false);
  });

  it('createWaymark never throws on bad options', () => {
    const create = createWaymark as (o: unknown) => { flush(): Promise<void>; track(e: string): void; destroy(): void };
    for (const bad of [undefined, null, {}, { key: 1, api: 'x' }, { key: 'pk', api: null }]) {
      const w = create(bad);
      expect(() => w.track('x')).not.toThrow();
      w.destroy();
    }
  });
});

describe('identity storage', () => {
  it('stores nothing about a visitor who declines before anything is recorded', async () => {
    const t = setup();
    t.waymark.consent(false);
    await t.waymark.flush();
    t.waymark.destroy();
    expect(t.storage.getItem('waymark.identity')).toBeNull();
    expect(t.storage.getItem('waymark.consent')).toBe('0');
    expect(t.fetch).not.toHaveBeenCalled();
  });
});

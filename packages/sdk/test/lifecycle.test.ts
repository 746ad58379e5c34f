import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptAll, setup } from './harness.js';

type Listener = [EventTarget, string, unknown, unknown];

/** Records every listener added to and removed from window and document. */
function spyListeners() {
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const restore: Array<() => void> = [];
  const capture = (opts: unknown) => (typeof opts === 'object' && opts !== null ? (opts as { capture?: boolean }).capture : opts) ?? false;
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (this: EventTarget, type: string, fn: unknown, opts?: unknown) {
      added.push([target, type, fn, capture(opts)]);
      return add.call(this, type, fn as EventListener, opts as boolean);
    };
    target.removeEventListener = function (this: EventTarget, type: string, fn: unknown, opts?: unknown) {
      removed.push([target, type, fn, capture(opts)]);
      return remove.call(this, type, fn as EventListener, opts as boolean);
    };
    restore.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }
  return { added, removed, restore: () => restore.forEach((r) => r()) };
}

describe('automatic collection and cleanup', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/home');
    document.body.innerHTML = '<div data-waymark-feature="reports.export"><button id="go"><b>Export</b></button></div>';
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('emits page views on SPA navigation, not for same-URL replaceState', async () => {
    const t = setup();
    await Promise.resolve();
    history.pushState(null, '', '/reports');
    history.replaceState({ scroll: 10 }, '', '/reports');
    history.replaceState(null, '', '/reports?sort=asc');
    location.hash = '#top';
    window.dispatchEvent(new Event('hashchange'));
    await t.waymark.flush();
    t.waymark.destroy();
    const pages = t.messages().filter((m) => m.type === 'page');
    expect(pages.map((p) => (p['properties'] as { path: string; url: string }).url.replace(location.origin, ''))).toEqual([
      '/home',
      '/reports',
      '/reports?sort=asc',
      '/reports?sort=asc#top',
    ]);
    // After a route change the referrer is the previous URL.
    expect(pages[1]?.['properties']).toMatchObject({ referrer: `${location.origin}/home` });
    expect(pages[1]?.context['page']).toMatchObject({ referrer: `${location.origin}/home` });
  });

  it('records Feature Used for clicks inside tagged elements', async () => {
    const t = setup({ autoPage: false });
    document.querySelector('b')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await t.waymark.flush();
    t.waymark.destroy();
    expect(t.messages()).toEqual([expect.objectContaining({ type: 'track', event: 'Feature Used', properties: { feature: 'reports.export' } })]);
  });

  it('autoPage and featureClicks can be turned off', async () => {
    const t = setup({ autoPage: false, featureClicks: false });
    history.pushState(null, '', '/elsewhere');
    document.getElementById('go')!.click();
    await t.waymark.flush();
    t.waymark.destroy();
    expect(t.messages()).toEqual([]);
  });

  it('destroy() removes every listener, restores history and clears timers', async () => {
    vi.useFakeTimers();
    const push = history.pushState;
    const replace = history.replaceState;
    const spies = spyListeners();
    const t = setup();
    await vi.advanceTimersByTimeAsync(0);
    t.waymark.track('Pending');
    expect(spies.added.length).toBeGreaterThanOrEqual(6);
    expect(history.pushState).not.toBe(push);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    t.waymark.destroy();
    spies.restore();
    expect(spies.removed).toEqual(spies.added);
    expect(history.pushState).toBe(push);
    expect(history.replaceState).toBe(replace);
    expect(vi.getTimerCount()).toBe(0);
    // Nothing is recorded or sent after destroy.
    history.pushState(null, '', '/after');
    document.getElementById('go')!.click();
    t.waymark.track('After');
    await vi.advanceTimersByTimeAsync(60_000);
    await t.waymark.flush();
    expect(t.fetch).not.toHaveBeenCalled();
  });

  it('beacons the queue on pagehide and on visibilitychange to hidden, once per message', async () => {
    const t = setup({ autoPage: false, respond: () => new Promise(() => undefined) });
    await Promise.resolve();
    t.waymark.track('One');
    t.waymark.track('Two');
    window.dispatchEvent(new Event('pagehide'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    t.waymark.track('Three');
    document.dispatchEvent(new Event('visibilitychange'));
    delete (document as unknown as Record<string, unknown>)['visibilityState'];
    t.waymark.destroy();
    const bodies = await Promise.all(t.sendBeacon.mock.calls.map(([url, blob]) => (expect(url).toBe('https://collector.test/v1/batch'), blob.text())));
    expect(bodies.map((b) => (JSON.parse(b) as { batch: Array<{ event: string }> }).batch.map((m) => m.event))).toEqual([['One', 'Two'], ['Three']]);
    // still stored until a later confirmed response
    expect(await t.store.all()).toHaveLength(3);
  });

  it('the online event sends at once instead of waiting out the backoff', async () => {
    vi.useFakeTimers();
    let down = true;
    const t = setup({ autoPage: false, respond: (e) => (down ? Promise.reject(new TypeError('offline')) : acceptAll(e)) });
    await vi.advanceTimersByTimeAsync(0);
    t.waymark.track('Offline');
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(750 + 1500 + 3000);
    expect(t.fetch).toHaveBeenCalledTimes(4);
    down = false;
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.fetch).toHaveBeenCalledTimes(5);
    expect(await t.store.all()).toEqual([]);
    t.waymark.destroy();
  });
});

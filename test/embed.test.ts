import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPagePool } from './helpers/page-pool.js';
import { acmeOnboarding, callWaymark, startGuidanceEnv, type GuidanceEnv } from './helpers/guidance-env.js';

// Waymark embedded in someone else's app, the way a new customer tries it: a TodoMVC page with
// hash routes, a text field that has focus, global :focus styles, and the script tag.
const todoPage = (collector: string, key: string) => `<!doctype html>
<html><head><title>Todos</title><style>
  body { font: 16px sans-serif; margin: 40px; }
  /* The kind of global rules real pages have: they must not reach Waymark. */
  :focus { outline: 6px solid rgb(255, 0, 0) !important; box-shadow: 0 0 0 9px rgb(255, 0, 0) !important; }
  div { padding: 3px; }
</style></head><body>
  <h1>todos</h1>
  <input class="new-todo" data-waymark-anchor="new-todo" placeholder="What needs to be done?" autofocus>
  <ul class="todo-list" data-waymark-anchor="todo-list"><li>Buy milk</li></ul>
  <nav><a href="#/">All</a> <a href="#/active" data-waymark-anchor="filter-active">Active</a> <a href="#/completed">Completed</a></nav>
  <button class="clear-completed" data-waymark-gate="reports.advanced">Clear completed</button>
  <button data-waymark-anchor="bottom-edge" style="position:fixed;bottom:4px;left:45%">Bottom</button>
  <button data-waymark-anchor="right-edge" style="position:fixed;right:2px;top:300px">Right</button>
  <script src="${collector}/sdk/waymark.js" data-key="${key}"></script>
</body></html>`;

const unbreakable = 'Supercalifragilisticexpialidocious'.repeat(3);

describe('Waymark embedded in a hash-routed third-party app', () => {
  let env: GuidanceEnv;
  let site: Server;
  let url: string;
  const pages = createPagePool(() => env.browser);

  beforeAll(async () => {
    const config = acmeOnboarding() as { guides: unknown[]; gates: Array<Record<string, unknown>> };
    const gates = config.gates.map((g) => (g['key'] === 'reports.advanced' ? { ...g, hint: { title: unbreakable, body: 'Finish the basics first.' } } : g));
    const filters = {
      key: 'todo-filters',
      title: 'Filters',
      steps: [
        { key: 'active-link', title: 'Show active todos', body: 'Click **Active**.', target: { anchor: 'filter-active' }, advance: 'click', url: '/#/' },
        { key: 'active-list', title: 'Only what is left', body: 'These are still to do.', target: { anchor: 'todo-list' }, url: '/#/active' },
      ],
    };
    // Steps whose side has no room: placed on the other side, inside the viewport.
    const edges = {
      key: 'edges',
      title: 'Edges',
      steps: [
        { key: 'bottom', title: 'At the bottom edge', body: 'No room below.', target: { anchor: 'bottom-edge' }, placement: 'bottom' },
        {
          key: 'right',
          title: 'At the right edge',
          body: 'No room on the right, a longer body to make it wide.',
          target: { anchor: 'right-edge' },
          placement: 'right',
        },
      ],
    };
    env = await startGuidanceEnv({ ...config, gates, guides: [...config.guides, filters, edges] });
    site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(todoPage(env.collector.url, env.keys.publicKey)));
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((r) => site?.close(r));
    await env?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  const ready = async (page: Page, hash = '#/') => {
    await page.goto(`${url}${hash}`);
    await page.waitForFunction(() => typeof (window as unknown as { waymark?: { track?: unknown } }).waymark?.track === 'function');
    await callWaymark(page, 'identify', `todo_${Math.random().toString(36).slice(2)}`);
    // The gate's lock is applied once the UI has the config.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.clear-completed')!, '::after').content !== 'none');
  };
  const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

  it('runs a tour across hash routes (/#/ then /#/active)', async () => {
    const page = await pages.open();
    await ready(page);
    await callWaymark(page, 'startGuide', 'todo-filters');
    await dialog(page, 'Show active todos').waitFor({ timeout: 5000 });
    await page.click('[data-waymark-anchor="filter-active"]');
    await dialog(page, 'Only what is left').waitFor({ timeout: 5000 });
    expect(new URL(page.url()).hash).toBe('#/active');
    // Back on #/ the step waits for its route: nothing on screen.
    await page.evaluate(() => (location.hash = '#/'));
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/active'));
    await dialog(page, 'Only what is left').waitFor({ timeout: 5000 });
  });

  it('leaves focus in the text field the user is typing in when a tour starts', async () => {
    const page = await pages.open();
    await ready(page);
    await page.focus('.new-todo');
    await page.keyboard.type('Walk ');
    await callWaymark(page, 'startGuide', 'todo-filters');
    await dialog(page, 'Show active todos').waitFor({ timeout: 5000 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('new-todo');
    await page.keyboard.type('the dog');
    expect(await page.inputValue('.new-todo')).toBe('Walk the dog');
  });

  it("keeps the page's :focus and element rules off Waymark's host while Waymark has focus", async () => {
    const page = await pages.open();
    await ready(page);
    await page.click('.clear-completed', { force: true });
    const hint = page.getByRole('dialog', { name: unbreakable });
    await hint.waitFor({ timeout: 5000 });
    // Focus is inside Waymark's shadow root, so the page's :focus matches its host element.
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-waymark-ui'))).toBe(true);
    const host = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('[data-waymark-ui]')!);
      return { outline: s.outlineStyle, shadow: s.boxShadow, padding: s.paddingTop };
    });
    expect(host).toEqual({ outline: 'none', shadow: 'none', padding: '0px' });
  });

  it('draws the lock badge as an icon (no emoji font needed) and keeps a long title from pushing the close button out', async () => {
    const page = await pages.open();
    await ready(page);
    const badge = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.clear-completed')!, '::after');
      return { content: s.content, mask: s.maskImage || s.webkitMaskImage, width: parseFloat(s.width) };
    });
    expect(badge.content).toBe('""');
    expect(badge.mask).toContain('data:image/svg+xml');
    expect(badge.width).toBeGreaterThan(8);
    await page.click('.clear-completed', { force: true });
    const hint = page.getByRole('dialog', { name: unbreakable });
    await hint.waitFor({ timeout: 5000 });
    await page.waitForTimeout(200);
    const card = (await hint.boundingBox())!;
    const close = (await hint.getByRole('button', { name: 'Close' }).boundingBox())!;
    expect(close.x >= card.x && close.x + close.width <= card.x + card.width).toBe(true);
    expect(card.x + card.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });

  it('destroy() leaves no listener, observer, timer, node or stylesheet behind', async () => {
    const page = await pages.open();
    // Counts what the page's scripts (Waymark is the only one) add and take away.
    await page.addInitScript(() => {
      const live = { listeners: new Map<string, EventTarget>(), observers: new Set<object>(), timers: new Set<unknown>(), frames: new Set<number>() };
      const ids = new WeakMap<object, number>();
      let next = 0;
      const id = (o: object) => ids.get(o) ?? (ids.set(o, ++next), next);
      const key = (t: EventTarget, type: string, fn: unknown, opts: unknown) =>
        [
          id(t),
          type,
          typeof fn === 'object' || typeof fn === 'function' ? id(fn as object) : 0,
          typeof opts === 'boolean' ? opts : !!(opts as { capture?: boolean } | undefined)?.capture,
        ].join();
      // Only what Waymark's scripts (/sdk/waymark.js, waymark-ui.js) add counts, not the test driver's.
      const ours = () => /\/sdk\/waymark/.test(new Error().stack ?? '');
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      EventTarget.prototype.addEventListener = function (type: string, fn: unknown, opts?: unknown) {
        if (fn && ours()) live.listeners.set(key(this, type, fn, opts), this);
        return add.call(this, type, fn as EventListener, opts as boolean);
      };
      EventTarget.prototype.removeEventListener = function (type: string, fn: unknown, opts?: unknown) {
        live.listeners.delete(key(this, type, fn, opts));
        return remove.call(this, type, fn as EventListener, opts as boolean);
      };
      for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const) {
        const proto = (window[name] as unknown as { prototype: { observe(...a: unknown[]): void; disconnect(): void } }).prototype;
        const observe = proto.observe;
        const disconnect = proto.disconnect;
        proto.observe = function (...a: unknown[]) {
          if (ours()) live.observers.add(this);
          return observe.apply(this, a);
        };
        proto.disconnect = function () {
          live.observers.delete(this);
          return disconnect.call(this);
        };
      }
      const [st, ct, si, ci, raf, caf] = [
        window.setTimeout,
        window.clearTimeout,
        window.setInterval,
        window.clearInterval,
        requestAnimationFrame,
        cancelAnimationFrame,
      ];
      window.setTimeout = ((fn: () => void, ms?: number, ...a: unknown[]) => {
        const t = st(() => (live.timers.delete(t), typeof fn === 'function' && fn(...(a as []))), ms);
        if (ours()) live.timers.add(t);
        return t;
      }) as typeof setTimeout;
      window.clearTimeout = ((t: number) => (live.timers.delete(t), ct(t))) as typeof clearTimeout;
      window.setInterval = ((fn: () => void, ms?: number) => {
        const t = si(fn, ms);
        if (ours()) live.timers.add(t);
        return t;
      }) as typeof setInterval;
      window.clearInterval = ((t: number) => (live.timers.delete(t), ci(t))) as typeof clearInterval;
      window.requestAnimationFrame = (fn) => {
        const f = raf((ts) => (live.frames.delete(f), fn(ts)));
        if (ours()) live.frames.add(f);
        return f;
      };
      window.cancelAnimationFrame = (f) => (live.frames.delete(f), caf(f));
      (window as unknown as { live: typeof live }).live = live;
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          (window as unknown as { before: unknown }).before = { nodes: document.querySelectorAll('*').length, html: document.documentElement.outerHTML.length };
        },
        { once: true },
      );
    });
    await ready(page);
    // Use what leaves things running: a tour step (floating-ui's autoUpdate, key handlers), a hint, the checklist.
    await callWaymark(page, 'startGuide', 'todo-filters');
    await dialog(page, 'Show active todos').waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.click('.clear-completed', { force: true });
    await page.getByRole('dialog', { name: unbreakable }).waitFor({ timeout: 5000 });
    await page.evaluate(() => (window as unknown as { waymark: { destroy(): void } }).waymark.destroy());
    await page.waitForTimeout(300);
    const left = await page.evaluate(() => {
      const w = window as unknown as {
        live: { listeners: Map<string, EventTarget>; observers: Set<object>; timers: Set<unknown>; frames: Set<number> };
        before: { nodes: number };
      };
      // Listeners on Waymark's own removed elements go with them; the rest would still run.
      const attached = [...w.live.listeners].filter(([, t]) => !(t instanceof Node) || t === document || t.isConnected);
      return {
        which: attached
          .map(([k]) => k.split(',')[1])
          .sort()
          .join(' '),
        listeners: attached.length,
        observers: w.live.observers.size,
        timers: w.live.timers.size,
        frames: w.live.frames.size,
        nodes: document.querySelectorAll('*').length - w.before.nodes,
        ui: document.querySelectorAll('[data-waymark-ui], script[src*="waymark-ui"]').length,
        sheets: document.adoptedStyleSheets.length,
        aria: document.querySelectorAll('[aria-disabled], [aria-describedby]').length,
      };
    });
    expect(left).toEqual({ which: '', listeners: 0, observers: 0, timers: 0, frames: 0, nodes: 0, ui: 0, sheets: 0, aria: 0 });
  });

  it('flips a step with no room on its side to the other side, inside the viewport, its arrow at the target', async () => {
    const page = await pages.open();
    await ready(page);
    const vp = page.viewportSize()!;
    const check = async (name: string, anchor: string) => {
      const box = dialog(page, name);
      await box.waitFor({ timeout: 5000 });
      await expect.poll(() => box.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
      const [pop, target, arrow] = await Promise.all([
        box.boundingBox(),
        page.locator(`[data-waymark-anchor="${anchor}"]`).boundingBox(),
        box.locator('.arrow').boundingBox(),
      ]);
      expect(pop!.x >= 0 && pop!.y >= 0 && pop!.x + pop!.width <= vp.width && pop!.y + pop!.height <= vp.height).toBe(true);
      return { pop: pop!, target: target!, arrow: arrow! };
    };
    await callWaymark(page, 'startGuide', 'edges');
    const below = await check('At the bottom edge', 'bottom-edge');
    // Asked for below; no room: above the target, the arrow over its centre.
    expect(below.pop.y + below.pop.height).toBeLessThanOrEqual(below.target.y);
    expect(Math.abs(below.arrow.x + below.arrow.width / 2 - (below.target.x + below.target.width / 2))).toBeLessThan(4);
    await page.getByRole('button', { name: 'Next' }).click();
    const right = await check('At the right edge', 'right-edge');
    expect(right.pop.x + right.pop.width).toBeLessThanOrEqual(right.target.x);
    expect(Math.abs(right.arrow.y + right.arrow.height / 2 - (right.target.y + right.target.height / 2))).toBeLessThan(4);
  });
});

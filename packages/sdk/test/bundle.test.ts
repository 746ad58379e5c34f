// Checks the built bundles (run `pnpm --filter @waymark/sdk build` first; the root `test` script does).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Waymark } from '../src/types.js';
import { stubAcceptingFetch, type Envelope } from './harness.js';

// Paths, not URL objects: in the happy-dom environment the global URL is not Node's.
const dist = join(fileURLToPath(import.meta.url), '../../dist');
const read = (file: string): string => {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`dist/${file} is missing: run \`pnpm --filter @waymark/sdk build\` first`);
  return readFileSync(path, 'utf8');
};
const gzipped = (text: string): number => gzipSync(text, { level: 9 }).length;

describe('bundles', () => {
  afterEach(() => {
    const w = window as unknown as { waymark?: Waymark };
    w.waymark?.destroy();
    delete w.waymark;
    for (const s of document.head.querySelectorAll('script')) s.remove();
    vi.unstubAllGlobals();
  });

  // The budgets scripts/build.mjs enforces (gzip -9), checked again on what it wrote.
  it('the script-tag tracker stays within 5120 bytes gzipped', () => {
    expect(gzipped(read('waymark.js'))).toBeLessThanOrEqual(5120);
  });

  it('the UI chunk stays within 30 KiB gzipped, and tracker + UI within 35 KiB', () => {
    const ui = gzipped(read('waymark-ui.js'));
    expect(ui).toBeLessThanOrEqual(30 * 1024);
    expect(gzipped(read('waymark.js')) + ui).toBeLessThanOrEqual(35 * 1024);
  });

  it('the assistant chunk stays within 8 KiB gzipped, the stuck-detection chunk within 2 KiB, and all with tracker and UI within 44 KiB', () => {
    const assistant = gzipped(read('waymark-assistant.js'));
    const stuck = gzipped(read('waymark-stuck.js'));
    expect(assistant).toBeLessThanOrEqual(8 * 1024);
    expect(stuck).toBeLessThanOrEqual(2 * 1024);
    expect(gzipped(read('waymark.js')) + gzipped(read('waymark-ui.js')) + stuck + assistant).toBeLessThanOrEqual(44 * 1024);
  });

  it('stuck detection lives in its own chunk, not in the UI chunk', () => {
    expect(read('waymark-stuck.js')).toContain('__waymarkStuck');
    // detectStuck's reason for rage clicks.
    expect(read('waymark-stuck.js')).toContain('rage-clicks');
    expect(read('waymark-ui.js')).not.toContain('rage-clicks');
  });

  it('the assistant chunk carries the search and borrows the UI chunk’s Preact; the UI chunk carries no search', () => {
    const assistant = read('waymark-assistant.js');
    expect(assistant).toContain('__waymarkAssistant');
    // searchGuides' stop words and the assistant's stylesheet.
    for (const marker of ['how i in is', '[role=tab]']) {
      expect(assistant).toContain(marker);
      expect(read('waymark-ui.js')).not.toContain(marker);
    }
    for (const preact of ['dangerouslySetInnerHTML', '__H']) expect(assistant).not.toContain(preact);
  });

  it('the UI chunk carries Preact and floating-ui but not the debug explainer', () => {
    const ui = read('waymark-ui.js');
    expect(ui).toContain('__waymarkUi');
    expect(ui).toContain('adoptedStyleSheets');
    expect(ui).not.toContain('needs at least one'); // explainCondition's wording lives in waymark-debug.js
    expect(read('waymark-debug.js')).toContain('needs at least one');
  });

  // Strings that survive minification, one per thing that must stay out of the tracker. Each is
  // checked present in the UI chunk, so a marker that stopped meaning anything fails here too.
  const markers: Array<[what: string, marker: string]> = [
    ['Preact (its diff)', 'dangerouslySetInnerHTML'],
    ["Preact hooks (a component's hook state)", '__H'],
    ['@floating-ui/dom (its platform)', 'getClippingRect'],
    ['@floating-ui/dom (the hide middleware)', 'referenceHidden'],
    ['the condition evaluator (a node kind)', 'daysSinceStart'],
    ['the condition evaluator (the facts it asks)', 'checklistItemDone'],
    ['UI code (the shadow root)', 'attachShadow'],
    ['UI code (a CSS class)', 'launcher'],
  ];
  it.each(markers)('the minified tracker carries no %s, which the UI chunk does', (_what, marker) => {
    expect(read('waymark-ui.js')).toContain(marker);
    expect(read('waymark.js')).not.toContain(marker);
  });
  it('the snippet stays within 1024 bytes gzipped', () => {
    expect(gzipped(read('snippet.min.js'))).toBeLessThanOrEqual(1024);
  });

  it.each(['preact', 'floating-ui', 'zod', 'console'])('dist/waymark.js does not contain "%s"', (name) => {
    expect(read('waymark.js')).not.toContain(name);
  });

  it.each(['waymark.js', 'waymark-ui.js', 'waymark-assistant.js', 'waymark-stuck.js', 'waymark-debug.js', 'index.js', 'snippet.min.js'])(
    '%s has no console, eval or Function constructor',
    (file) => {
      const text = read(file);
      for (const banned of ['console', 'eval(', 'Function(']) expect(text).not.toContain(banned);
    },
  );

  it('the debug build keeps its diagnostics', () => {
    expect(read('waymark.debug.js')).toContain('console.warn');
  });

  it('the minified tracker starts from its script tag and sends', async () => {
    const requests: Envelope[] = [];
    stubAcceptingFetch(requests);
    const script = document.createElement('script');
    script.setAttribute('data-key', 'pk_dist');
    script.setAttribute('src', 'https://collector.test/sdk/waymark.js');
    document.head.append(script);
    // Evaluating the file stands in for the browser loading it (the test, not the bundle, uses Function).
    new Function(read('waymark.js'))();
    const waymark = (window as unknown as { waymark: Waymark }).waymark;
    waymark.identify('u1');
    waymark.track('From Dist', { ok: true });
    await waymark.flush();
    const messages = requests.flatMap((r) => r.batch);
    expect(messages.map((m) => m.type)).toEqual(['identify', 'track', 'page']);
    expect(requests[0]?.writeKey).toBe('pk_dist');
    const urls = vi.mocked(fetch).mock.calls.map((c) => String(c[0]));
    expect(urls.filter((u) => u.includes('/v1/batch'))).toEqual(['https://collector.test/v1/batch']);
    expect(urls).toContain('https://collector.test/v1/config?key=pk_dist');
    // No config: nothing to show, so the UI chunk is never requested.
    expect(document.querySelector('script[src*="waymark-ui"]')).toBeNull();
  });
});

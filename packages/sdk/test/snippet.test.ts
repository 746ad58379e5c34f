import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autoStart, type WaymarkWindow } from '../src/auto-start.js';
import { snippet } from '../src/index.js';
import type { Waymark } from '../src/types.js';
import { stubAcceptingFetch, type Envelope } from './harness.js';

const win = window as unknown as WaymarkWindow;
// The snippet is inline script text; running it here stands in for the browser parsing the page.
const run = (code: string): void => void new Function(code)();

/** URLs of the POSTs (batches) the stubbed fetch received; the GETs are config and state. */
const batchUrls = (): string[] =>
  vi
    .mocked(fetch)
    .mock.calls.filter((c) => c[1] !== undefined)
    .map((c) => String(c[0]));

describe('snippet and script tag', () => {
  const requests: Envelope[] = [];
  beforeEach(() => {
    requests.length = 0;
    localStorage.clear();
    stubAcceptingFetch(requests);
  });
  afterEach(() => {
    const current = win.waymark as Waymark | undefined;
    if (current && !Array.isArray(current)) current.destroy();
    delete win.waymark;
    document.head.querySelectorAll('script').forEach((s) => s.remove());
    vi.unstubAllGlobals();
  });

  it('defines a stub that queues calls, and injects the async tracker script', () => {
    run(snippet('pk_live', 'https://c.test/sdk/waymark.js', 'https://api.test'));
    const stub = win.waymark as unknown as unknown[] & Record<string, (...a: unknown[]) => void>;
    stub['identify']!('u1', { plan: 'pro' });
    stub['track']!('Clicked', { n: 1 });
    stub['consent']!(true);
    expect([...stub]).toEqual([
      ['identify', 'u1', { plan: 'pro' }],
      ['track', 'Clicked', { n: 1 }],
      ['consent', true],
    ]);
    const script = document.querySelector<HTMLScriptElement>('script[data-key]')!;
    expect(script.async).toBe(true);
    expect(script.getAttribute('src')).toBe('https://c.test/sdk/waymark.js');
    expect(script.getAttribute('data-key')).toBe('pk_live');
    expect(script.getAttribute('data-api')).toBe('https://api.test');
  });

  it('running the snippet twice installs one stub and one script', () => {
    const code = snippet('pk_live', 'https://c.test/sdk/waymark.js');
    run(code);
    const stub = win.waymark;
    run(code);
    expect(win.waymark).toBe(stub);
    expect(document.querySelectorAll('script[data-key]')).toHaveLength(1);
  });

  it('escapes values so they cannot close the script element', () => {
    const code = snippet('pk_"</script><script>alert(1)//', 'https://c.test/sdk/waymark.js');
    expect(code).not.toContain('</script>');
    run(code);
    expect(document.querySelector('script[data-key]')!.getAttribute('data-key')).toBe('pk_"</script><script>alert(1)//');
  });

  it('the tracker replays the queued calls in order, then replaces the stub', async () => {
    run(snippet('pk_live', 'https://c.test/sdk/waymark.js'));
    const stub = win.waymark as unknown as Record<string, (...a: unknown[]) => void>;
    stub['track']!('First');
    stub['identify']!('u1');
    stub['group']!('acme');
    stub['track']!('Second', { n: 2 });
    stub['destroy']?.();
    autoStart(win);
    const waymark = win.waymark as Waymark;
    expect(Array.isArray(waymark)).toBe(false);
    await waymark.flush();
    const messages = requests.flatMap((r) => r.batch);
    expect(messages.map((m) => [m.type, m['event'] ?? m['groupId'] ?? m['userId']])).toEqual([
      ['track', 'First'],
      ['identify', 'u1'],
      ['group', 'acme'],
      ['track', 'Second'],
      ['page', 'u1'],
    ]);
    expect(requests[0]!.writeKey).toBe('pk_live');
    expect(batchUrls()).toEqual(['https://c.test/v1/batch']);
  });

  it('reads data-key and data-api from a plain script tag; a second load does nothing', async () => {
    const script = document.createElement('script');
    script.setAttribute('data-key', 'pk_tag');
    script.setAttribute('data-api', 'https://api.test/');
    script.setAttribute('src', 'https://cdn.test/waymark.js');
    document.head.append(script);
    autoStart(win);
    const first = win.waymark;
    autoStart(win);
    expect(win.waymark).toBe(first);
    await (first as Waymark).flush();
    expect(batchUrls()).toEqual(['https://api.test/v1/batch']);
    // Guidance: the config and the visitor's state, from the same collector.
    expect(vi.mocked(fetch).mock.calls.map((c) => String(c[0]).replace(/anonymousId=[^&]+/, 'anonymousId=…'))).toEqual(
      expect.arrayContaining(['https://api.test/v1/config?key=pk_tag', 'https://api.test/v1/state?key=pk_tag&anonymousId=…']),
    );
  });

  it('without data-key the tracker does not start', () => {
    const script = document.createElement('script');
    script.setAttribute('src', 'https://cdn.test/waymark.js');
    document.head.append(script);
    autoStart(win);
    expect(win.waymark).toBeUndefined();
  });

  it('docs/sdk.md shows the snippet that snippet() produces, with every queued method', () => {
    const docs = readFileSync(join(fileURLToPath(import.meta.url), '../../../../docs/sdk.md'), 'utf8');
    const shown = /```html\n<script>\n(.*)\n<\/script>/.exec(docs)?.[1];
    expect(shown).toBe(snippet('YOUR_PUBLIC_KEY', 'https://YOUR_COLLECTOR/sdk/waymark.js'));
    const methods = /"([a-zA-Z ]+)"\.split\(" "\)/.exec(shown ?? '')?.[1]?.split(' ') ?? [];
    for (const m of methods) expect(docs, `docs/sdk.md names ${m} among the queued methods`).toContain(`\`${m}\``);
  });
});

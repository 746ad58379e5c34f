import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sdkReady, signIn } from './helpers/acme-flows.js';
import { acmeOnboarding, callWaymark, flush, guidanceSuite } from './helpers/guidance-env.js';

// Keyboard-only use, hostile content, scrolling to targets and debug mode, in Chromium.
const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const extraGuides = [
  {
    key: 'hostile',
    title: 'Hostile',
    steps: [
      {
        key: 'x',
        title: `Title ${payload}`,
        body: `Body ${payload} [click me](javascript:window.__pwned=1) [data](data:text/html,hi) **<b>bold</b>**`,
      },
    ],
  },
  {
    key: 'deep',
    title: 'Deep',
    steps: [{ key: 'deep', title: 'Deep target', body: 'Scrolled to.', target: { selector: '#deep-target' }, placement: 'top' }],
  },
  {
    key: 'shadowed',
    title: 'Shadowed',
    steps: [{ key: 's', title: 'In a shadow root', body: 'Found.', target: { anchor: 'inside-shadow' } }],
  },
];

describe('guides: keyboard, hostile content, scrolling, debug', () => {
  /** Where the keyboard focus is, through shadow roots: text and the waymark anchor if any. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { text: el?.textContent?.trim() ?? '', anchor: el?.getAttribute('data-waymark-anchor') ?? '', tag: el?.tagName ?? '' };
    });
  const tabTo = async (page: Page, match: (f: { text: string; anchor: string; tag: string }) => boolean, max = 40): Promise<void> => {
    for (let i = 0; i < max; i++) {
      if (match(await focused(page))) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`focus never reached the element; last: ${JSON.stringify(await focused(page))}`);
  };

  const { env, open } = guidanceSuite(() => {
    const config = acmeOnboarding();
    const checklists = config['checklists'] as Array<Record<string, unknown>>;
    return {
      ...config,
      checklists: [{ ...checklists[0], title: `Getting started ${payload}`, description: `Hello ${payload}` }],
      guides: [...(config['guides'] as unknown[]), ...extraGuides],
    };
  });

  it('a keyboard-only user opens the checklist, runs a guide across pages and completes the item', async () => {
    const page = await open();
    await signIn(page, env.acme.url);
    await sdkReady(page);
    await page.locator('[data-waymark-ui] .launcher').waitFor({ timeout: 10_000 });
    await tabTo(page, (f) => f.text.startsWith('Getting started'), 60);
    await page.keyboard.press('Enter');
    // "Show me" of the third item (Invite a teammate).
    const shows = page.locator('[data-waymark-ui] li').nth(2).getByRole('button', { name: 'Show me' });
    await shows.waitFor();
    await shows.focus();
    await page.keyboard.press('Enter');
    const step1 = page.getByRole('dialog', { name: 'Your team' });
    await step1.waitFor();
    // Focus moved into the popover; Tab stays in it and the target.
    expect((await focused(page)).text).toBe('Next');
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      seen.add(f.anchor || f.text);
    }
    expect([...seen].sort(), JSON.stringify([...seen])).toEqual(['Next', 'nav-team', '×'].sort());
    await tabTo(page, (f) => f.anchor === 'nav-team');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Their email' }).waitFor();
    await tabTo(page, (f) => f.anchor === 'invite-email-input');
    await page.keyboard.type('kim@northwind.example');
    await tabTo(page, (f) => f.text === 'Next');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Send the invite' }).waitFor();
    await tabTo(page, (f) => f.anchor === 'invite-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.locator('[data-waymark-ui] .launcher').textContent()).toMatch(/1\/5$/);
    // Esc closes a guide (dismiss), and the focus goes back where it was.
    await page.locator('[data-waymark-anchor="invite-email-input"]').focus();
    await callWaymark(page, 'startGuide', 'export-report');
    await page.getByRole('dialog', { name: 'Reports' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await focused(page)).anchor).toBe('invite-email-input');
    await flush(page);
    const events = await env.eventsUntil('usr_dana_ortiz', (e) => e.some((x) => x.event === 'Guide Dismissed'));
    expect(events.some((e) => e.event === 'Guide Completed' && e.properties['guide'] === 'invite-teammate')).toBe(true);
    expect(events.find((e) => e.event === 'Guide Dismissed')?.properties).toEqual({ guide: 'export-report', step: 'open' });
  });

  it('renders a hostile config inert: markup is text, unsafe links are not links', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_marcus_chen');
    await sdkReady(page);
    await page.locator('[data-waymark-ui] .launcher').click({ timeout: 10_000 });
    expect(await page.getByRole('region', { name: /Getting started/ }).textContent()).toContain('<img src=x');
    await callWaymark(page, 'startGuide', 'hostile');
    const dialog = page.getByRole('dialog', { name: /^Title / });
    await dialog.waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const ui = page.locator('[data-waymark-ui]');
    expect(await ui.locator('img, script, b').count()).toBe(0);
    expect(await ui.locator('a[href^="javascript"], a[href^="data"]').count()).toBe(0);
    expect(await dialog.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await ui.locator('strong').textContent()).toBe('<b>bold</b>');
  });

  it('scrolls a target inside nested scroll containers into view, clear of a fixed header; finds targets in open shadow roots', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_priya_shah');
    await sdkReady(page);
    await page.evaluate(() => {
      const header = document.createElement('div');
      header.id = 'fixed-header';
      Object.assign(header.style, { position: 'fixed', top: '0', left: '0', right: '0', height: '80px', background: '#eee', zIndex: '10' });
      const outer = document.createElement('div');
      Object.assign(outer.style, { height: '300px', overflow: 'auto' });
      const inner = document.createElement('div');
      Object.assign(inner.style, { height: '250px', overflow: 'auto', marginTop: '1500px' });
      const target = document.createElement('button');
      target.id = 'deep-target';
      target.textContent = 'Deep';
      Object.assign(target.style, { marginTop: '900px', marginBottom: '900px' });
      inner.append(target);
      outer.append(inner);
      const spacer = document.createElement('div');
      spacer.style.height = '2000px';
      document.querySelector('main')?.append(outer, spacer);
      document.body.append(header);
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<button data-waymark-anchor="inside-shadow">In shadow</button>';
      document.querySelector('main')?.prepend(host);
    });
    await callWaymark(page, 'startGuide', 'deep');
    await page.getByRole('dialog', { name: 'Deep target' }).waitFor();
    const box = await page.locator('#deep-target').boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThan(80);
    expect(box!.y + box!.height).toBeLessThan(viewport.height);
    await page.keyboard.press('Escape');
    await callWaymark(page, 'startGuide', 'shadowed');
    await page.getByRole('dialog', { name: 'In a shadow root' }).waitFor();
  });

  it('debug mode (?waymark_debug=1) explains why each checklist and guide is or is not showing', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_priya_shah');
    await sdkReady(page);
    await page.goto(`${env.acme.url}/app/projects?waymark_debug=1`);
    const panel = page.getByRole('region', { name: 'Waymark debug' });
    await panel.waitFor({ timeout: 10_000 });
    const text = await panel.textContent();
    expect(text).toContain('checklist getting-started: showing');
    expect(text).toMatch(/audience:.*the inner condition does not hold/);
    expect(text).toContain('guide create-project: not showing');
    await callWaymark(page, 'debug', false);
    await expect.poll(() => panel.count()).toBe(0);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callWaymark, flush, startGuidanceEnv, type GuidanceEnv } from './helpers/guidance-env.js';
import { startHashSite } from './helpers/hash-site.js';
import { createPagePool } from './helpers/page-pool.js';

// Experiences that find their users, in a hash-routed app: page conditions in checklist items and
// audiences.
const config = {
  version: 1,
  checklists: [
    {
      key: 'report-tips',
      title: 'Report tips',
      audience: { page: '/#/reports' },
      items: [{ key: 'share', title: 'Share a report', done: { event: 'Report Shared' } }],
    },
    {
      key: 'setup',
      title: 'Set up',
      items: [
        { key: 'visit-settings', title: 'Look at your settings', done: { page: '/#/settings' }, link: { url: '/#/settings', label: 'Open settings' } },
        { key: 'export', title: 'Export a report', done: { event: 'Report Exported' } },
      ],
    },
  ],
};

describe('experiences in a hash-routed app', () => {
  let env: GuidanceEnv;
  let site: { url: string; close(): Promise<void> };
  const pages = createPagePool(() => env.browser);
  const ui = (page: Page) => page.locator('[data-waymark-ui]');

  beforeAll(async () => {
    env = await startGuidanceEnv(config);
    site = await startHashSite(env.collector.url, env.keys.publicKey);
  });
  afterAll(async () => {
    await site?.close();
    await env?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  /** Opens the app at `hash` as a new user; resolves once the tracker runs. */
  const visit = async (hash: string, userId = `u_${Math.random().toString(36).slice(2)}`) => {
    const page = await pages.open();
    await page.goto(`${site.url}${hash}`);
    await page.waitForFunction(() => typeof (window as unknown as { waymark?: { track?: unknown } }).waymark?.track === 'function');
    await callWaymark(page, 'identify', userId);
    return { page, userId };
  };

  it('shows a checklist whose audience is a hash route only on that route, and completes an item by visiting its hash link', async () => {
    const { page, userId } = await visit('#/');
    const launcher = ui(page).locator('.launcher');
    await expect.poll(() => launcher.textContent(), { timeout: 10_000 }).toBe('Set up 0/2');
    await page.evaluate(() => (location.hash = '#/reports'));
    await expect.poll(() => launcher.textContent()).toBe('Report tips 0/1');
    await page.evaluate(() => (location.hash = '#/'));
    await expect.poll(() => launcher.textContent()).toBe('Set up 0/2');
    await launcher.click();
    await ui(page).getByRole('link', { name: 'Open settings' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/settings');
    await expect.poll(() => launcher.textContent()).toBe('Set up 1/2');
    // Done stays done after leaving the page, and on the collector.
    await page.evaluate(() => (location.hash = '#/'));
    await page.waitForTimeout(200);
    expect(await launcher.textContent()).toBe('Set up 1/2');
    await flush(page);
    const events = await env.eventsUntil(userId, (e) => e.some((x) => x.event === 'Checklist Item Completed'));
    expect(events.filter((e) => e.event === 'Checklist Item Completed').map((e) => e.properties)).toEqual([{ checklist: 'setup', item: 'visit-settings' }]);
    const state = (await env.state(userId)) as unknown as { snapshot: { items: Record<string, string[]>; page?: { hash: string } } };
    expect(state.snapshot.items['setup']).toEqual(['visit-settings']);
    expect(state.snapshot.page?.hash).toBe('/');
  });

  it('the collector evaluates a page condition from the latest page view', async () => {
    // A visit to #/settings without the UI having the chance to record it (the UI is off): the
    // collector settles the item from the page event when the state is read.
    const page = await pages.open();
    await page.route('**/sdk/waymark-ui.js', (route) => route.abort());
    await page.goto(`${site.url}#/settings`);
    await page.waitForFunction(() => typeof (window as unknown as { waymark?: { track?: unknown } }).waymark?.track === 'function');
    const userId = `u_${Math.random().toString(36).slice(2)}`;
    await callWaymark(page, 'identify', userId);
    await callWaymark(page, 'page');
    await flush(page);
    await expect
      .poll(async () => ((await env.state(userId)) as unknown as { snapshot: { items: Record<string, string[]> } }).snapshot.items['setup'], {
        timeout: 10_000,
      })
      .toEqual(['visit-settings']);
  });
});

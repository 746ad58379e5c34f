import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sdkReady, signIn } from './helpers/acme-flows.js';
import { flush, guidanceSuite } from './helpers/guidance-env.js';

// The assistant in Chromium against Acme's config: one launcher for the checklist, What's new and
// a search over guides, by keyboard, across pages, and with the collector out of reach.
describe('assistant', () => {
  const { env, open } = guidanceSuite();
  const ui = (page: Page) => page.locator('[data-waymark-ui]');
  const launcher = (page: Page) => ui(page).locator('.launcher');
  // The unread badge next to the launcher: the number shown (the words are for screen readers).
  const badge = (page: Page) => ui(page).locator('.launcher + .n [aria-hidden]');
  const panel = (page: Page) => page.getByRole('region', { name: 'Help and news' });
  /** What has focus inside the UI's shadow root: its role (or tag) and text. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.querySelector('[data-waymark-ui]')?.shadowRoot?.activeElement;
      return el ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${el.textContent}` : '';
    });

  it('opens by keyboard with focus inside, moves between tabs with arrow keys, marks What’s new seen, and Escape closes back to the launcher', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_dana_ortiz');
    await sdkReady(page);
    await expect.poll(() => launcher(page).textContent(), { timeout: 10_000 }).toBe('Getting started 0/5');
    // Faster CSV exports (no audience) is unread; Automations is for activated accounts only.
    expect(await badge(page).textContent()).toBe('1');
    expect(await launcher(page).getAttribute('aria-describedby')).toBe('wm-n');
    expect(await ui(page).locator('#wm-n').textContent()).toBe('11 unread');

    await launcher(page).focus();
    await page.keyboard.press('Enter');
    await panel(page).waitFor();
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    expect(await launcher(page).getAttribute('aria-controls')).toBe(await panel(page).getAttribute('id'));
    // Focus moves to the selected tab: the checklist, whose panel is the one the launcher showed before.
    await expect.poll(() => focused(page)).toBe('tab: Getting started');
    expect(await page.getByRole('tabpanel', { name: 'Getting started' }).locator('li').count()).toBe(5);
    expect(await page.getByRole('tablist').getAttribute('aria-label')).toBe('Help and news');

    await page.keyboard.press('ArrowRight');
    const news = page.getByRole('tabpanel', { name: /What’s new/ });
    await news.waitFor();
    await expect.poll(() => focused(page)).toMatch(/^tab: What’s new/);
    expect(await news.locator('h3').allTextContents()).toEqual(['Faster CSV exportsNew']);
    expect(await news.textContent()).toContain('Reports now export in seconds, with one row per task.');
    // Opening it marks it seen: the counts on the launcher and the tab drop to nothing.
    await expect.poll(() => badge(page).count()).toBe(0);
    expect(await page.getByRole('tab', { name: /What’s new/ }).textContent()).toBe('What’s new');
    expect(await launcher(page).getAttribute('aria-describedby')).toBeNull();

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(page)).toBe('tab: Help');
    expect(await page.getByRole('tab', { name: 'Help' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight'); // wraps round
    await expect.poll(() => focused(page)).toBe('tab: Getting started');
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe('tab: Help');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe('tab: Getting started');

    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('button: Getting started 0/5');

    await flush(page);
    const events = await env.eventsUntil('usr_dana_ortiz', (e) => e.some((x) => x.event === 'Announcement Seen'));
    expect(events.filter((e) => e.event === 'Announcement Seen')).toEqual([{ event: 'Announcement Seen', properties: { announcement: 'csv-exports' } }]);
    // Seen on the server: a new browser for the same user shows no unread count.
    const other = await open();
    await signIn(other, env.acme.url, 'usr_dana_ortiz');
    await expect.poll(() => launcher(other).textContent(), { timeout: 10_000 }).toBe('Getting started 0/5');
    await other.waitForTimeout(300);
    expect(await badge(other).count()).toBe(0);
  });

  it('finds “Invite a teammate” from a question, and choosing it on another page goes to its first step’s page and runs it', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_marcus_chen');
    // The login page is not the guide's: its first step belongs to the app's pages.
    await page.goto(`${env.acme.url}/login.html`);
    await sdkReady(page);
    await launcher(page).click({ timeout: 10_000 });
    await page.getByRole('tab', { name: 'Help' }).click();
    const search = page.getByRole('searchbox', { name: 'Search the guides' });
    await expect.poll(() => focused(page)).toBe('tab: Help');
    await search.fill('How do I invite a teammate?');
    const results = page.getByRole('list', { name: 'Help' }).getByRole('button');
    await expect.poll(() => results.allTextContents()).toEqual(['Invite a teammate']);
    expect(await panel(page).getByRole('status').textContent()).toBe('Guides found: 1');
    await search.fill('zebra crossing');
    await expect.poll(() => results.count()).toBe(0);
    expect(await panel(page).textContent()).toContain('No guide matches “zebra crossing”.');
    await search.fill('invite a teammate');
    await expect.poll(() => results.allTextContents()).toEqual(['Invite a teammate']);

    await Promise.all([page.waitForURL(`${env.acme.url}/app/team`), results.first().click()]);
    await page.getByRole('dialog', { name: 'Your team' }).waitFor({ timeout: 10_000 });
    expect(await panel(page).count()).toBe(0);

    await flush(page);
    const events = await env.eventsUntil('usr_marcus_chen', (e) => e.some((x) => x.event === 'Guide Step Viewed'));
    expect(events.filter((e) => e.event === 'Guide Started')).toEqual([
      { event: 'Guide Started', properties: { guide: 'invite-teammate', source: 'assistant' } },
    ]);
    expect(events.filter((e) => e.event === 'Guide Step Viewed').map((e) => e.properties['step'])).toEqual(['open']);
  });

  it('opens the checklist alone when the panel’s code cannot load; searches and starts a guide from the config it has, with the collector out of reach', async () => {
    const page = await open();
    // The panel's code out of reach (when the page is idle, and on opening): the launcher still
    // opens the checklist.
    await page.route('**/sdk/waymark-assistant.js', (route) => route.abort());
    await signIn(page, env.acme.url, 'usr_priya_shah');
    await sdkReady(page);
    await page.waitForTimeout(1500);
    await launcher(page).click({ timeout: 10_000 });
    await page.getByRole('region', { name: 'Getting started' }).waitFor();
    expect(await panel(page).count()).toBe(0);
    await launcher(page).click();
    await page.unroute('**/sdk/waymark-assistant.js');
    // Opened again while online (its code loads now), closed with the close button.
    await launcher(page).click();
    await panel(page).waitFor();
    await panel(page).getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => panel(page).count()).toBe(0);

    const asked: string[] = [];
    await page.route(`${env.collector.url}/**`, (route) => {
      asked.push(new URL(route.request().url()).pathname);
      return route.abort();
    });
    await launcher(page).click();
    await page.getByRole('tab', { name: 'Help' }).click();
    // With nothing typed, every guide is listed.
    const results = page.getByRole('list', { name: 'Help' }).getByRole('button');
    expect(await results.count()).toBe(6);
    await page.getByRole('searchbox').fill('new project');
    await expect.poll(() => results.allTextContents()).toEqual(['Create a project']);
    await results.first().click();
    // Its first step belongs to this page: it shows here.
    await page.getByRole('dialog', { name: 'Welcome to Acme Projects' }).waitFor();
    expect(page.url()).toBe(`${env.acme.url}/app/projects`);
    // Nothing was asked of the collector but to send events (which wait in the queue).
    expect(asked.filter((p) => p !== '/v1/batch')).toEqual([]);
  });
  it('opens for the first time with the network gone: its code loaded while the page was idle', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_dana_ortiz');
    await sdkReady(page);
    await page.waitForFunction(() => '__waymarkAssistant' in window, undefined, { timeout: 10_000 });
    await page.context().setOffline(true);
    await launcher(page).click();
    await page.getByRole('tab', { name: 'Help' }).click();
    await page.getByRole('searchbox').fill('export csv');
    await expect.poll(() => page.getByRole('list', { name: 'Help' }).getByRole('button').allTextContents()).toEqual(['Export a report']);
    await page.context().setOffline(false);
  });
});

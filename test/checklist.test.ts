import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProject, sdkReady, signIn } from './helpers/acme-flows.js';
import { flush, guidanceSuite } from './helpers/guidance-env.js';

// Acme's "Getting started" checklist in Chromium, against a real collector with Acme's config.
describe('checklist', () => {
  const { env, open } = guidanceSuite();
  // Playwright's role and CSS locators pierce open shadow roots.
  const launcher = (page: Page) => page.locator('[data-waymark-ui] .launcher');

  it('is completed through the UI, item by item, and celebrated; the server agrees', async () => {
    const page = await open();
    await signIn(page, env.acme.url);
    await sdkReady(page);
    await expect.poll(() => launcher(page).textContent(), { timeout: 10_000 }).toBe('Getting started 0/5');
    // The UI lives in a shadow root on a host appended to body, styled by an adopted sheet.
    expect(await page.evaluate(() => document.querySelector('[data-waymark-ui]')?.shadowRoot?.adoptedStyleSheets.length)).toBe(1);

    await launcher(page).click();
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Getting started' });
    await expect.poll(() => panel.locator('li').count()).toBe(5);

    // Each item completes the moment its event is tracked (local evaluation, no round trip).
    await launcher(page).click(); // closes the panel, which sits over the page's corner
    const projectId = await createProject(page, env.acme.url, 'Launch plan');
    await expect.poll(() => launcher(page).textContent()).toBe('Getting started 1/5');
    for (const task of ['Brief', 'Draft', 'Ship']) {
      await page.fill('[data-waymark-anchor="add-task-input"]', task);
      await page.click('[data-waymark-anchor="add-task-button"]');
    }
    await expect.poll(() => launcher(page).textContent()).toBe('Getting started 2/5');
    expect(page.url()).toContain(projectId);
    await page.click('[data-waymark-anchor="nav-team"]');
    await page.fill('[data-waymark-anchor="invite-email-input"]', 'sam@northwind.example');
    await page.click('[data-waymark-anchor="invite-button"]');
    await expect.poll(() => launcher(page).textContent()).toBe('Getting started 3/5');
    await page.click('[data-waymark-anchor="nav-settings"]');
    await page.click('[data-waymark-anchor="settings-tab-workspace"]');
    await page.click('[data-waymark-anchor="settings-save-workspace"]');
    await expect.poll(() => launcher(page).textContent()).toBe('Getting started 4/5');
    // The panel shows each item's state.
    await launcher(page).click();
    await expect.poll(() => page.locator('[data-waymark-ui] li.done').count()).toBe(4);
    await launcher(page).click();
    await page.click('[data-waymark-anchor="nav-reports"]');
    await Promise.all([page.waitForEvent('download'), page.click('[data-waymark-anchor="export-csv-button"]')]);
    await expect.poll(() => launcher(page).textContent()).toBe('Getting started 5/5');
    await expect.poll(() => page.locator('[data-waymark-ui] .toast').first().textContent()).toMatch(/You finished Getting started!|Milestone reached/);

    await flush(page);
    const stored = await env.eventsUntil('usr_dana_ortiz', (e) => e.some((x) => x.event === 'Checklist Completed'));
    const items = stored.filter((e) => e.event === 'Checklist Item Completed').map((e) => e.properties['item']);
    expect(items.sort()).toEqual(['add-tasks', 'create-project', 'export-report', 'invite', 'workspace-settings']);
    expect(stored.filter((e) => e.event === 'Checklist Completed')).toEqual([{ event: 'Checklist Completed', properties: { checklist: 'getting-started' } }]);
    expect(stored.some((e) => e.event === 'Checklist Opened')).toBe(true);
    expect(stored.filter((e) => e.event === 'Milestone Reached').map((e) => e.properties['milestone'])).toEqual(
      expect.arrayContaining(['activated', 'onboarded']),
    );

    // Completed: on the next load the launcher is the assistant's alone (Acme has guides to search
    // and news), with no progress count, and no checklist opens.
    await page.reload();
    await sdkReady(page);
    await expect.poll(() => launcher(page).textContent(), { timeout: 10_000 }).toBe('Help');
    await page.waitForTimeout(500);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-waymark-ui] .panel').count()).toBe(0);
    await launcher(page).click();
    await page.getByRole('region', { name: 'Help and news' }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual([expect.stringMatching(/^What’s new/), 'Help']);
    expect(await page.getByRole('region', { name: 'Getting started' }).count()).toBe(0);
  });

  it('shows a second browser signed in as the same user the same progress, and remembers a dismissal', async () => {
    const first = await open();
    await signIn(first, env.acme.url, 'usr_marcus_chen');
    await sdkReady(first);
    await createProject(first, env.acme.url, 'Device one');
    await expect.poll(() => launcher(first).textContent(), { timeout: 10_000 }).toBe('Getting started 1/5');
    await flush(first);
    await env.eventsUntil('usr_marcus_chen', (e) => e.some((x) => x.event === 'Checklist Item Completed'));

    // Another browser (no shared storage): the progress comes from the collector.
    const second = await open();
    await signIn(second, env.acme.url, 'usr_marcus_chen');
    await expect.poll(() => launcher(second).textContent(), { timeout: 10_000 }).toBe('Getting started 1/5');
    await launcher(second).click();
    await second.getByRole('button', { name: 'Dismiss checklist' }).click();
    // The launcher stays for the assistant (guides and news), without the checklist.
    await expect.poll(() => launcher(second).textContent()).toBe('Help');
    await flush(second);
    await env.eventsUntil('usr_marcus_chen', (e) => e.some((x) => x.event === 'Checklist Dismissed'));

    // The first browser, reloaded, sees the dismissal too (server state).
    await first.reload();
    await sdkReady(first);
    await expect.poll(() => launcher(first).textContent(), { timeout: 10_000 }).toBe('Help');
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProject, sdkReady, signIn } from './helpers/acme-flows.js';
import { acmeOnboarding, flush, guidanceSuite } from './helpers/guidance-env.js';

// The experiences Acme ships with, as the demo runs them: the Reports tour that starts by itself
// on the first visit to Reports, and "What's new: Automations" for activated users who have not
// created an automation.
describe('Acme experiences as shipped', () => {
  const { env, open } = guidanceSuite(() => acmeOnboarding({ asShipped: true }));
  const dialog = (page: Page) => page.locator('[data-waymark-ui] [role="dialog"]');
  const started = async (userId: string) => (await env.events(userId)).filter((e) => e.event === 'Experience Started').map((e) => e.properties['experience']);

  it('starts the Reports tour on the first visit to Reports, and not on the next', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_marcus_chen');
    await sdkReady(page);
    await page.waitForTimeout(500);
    // Not activated yet: no announcement on the projects page.
    expect(await dialog(page).count()).toBe(0);

    await page.click('[data-waymark-anchor="nav-reports"]');
    await expect.poll(() => dialog(page).locator('h2').allTextContents(), { timeout: 10_000 }).toEqual(['Reports in a minute']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);

    await page.click('[data-waymark-anchor="nav-projects"]');
    await page.click('[data-waymark-anchor="nav-reports"]');
    await page.waitForTimeout(800);
    expect(await dialog(page).count()).toBe(0);
    await flush(page);
    await env.eventsUntil('usr_marcus_chen', (e) => e.some((x) => x.event === 'Guide Dismissed'));
    expect(await started('usr_marcus_chen')).toEqual(['guide:reports-tour']);
  });

  it('announces Automations once the user is activated, with their own count, and the call to action opens Automations', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_priya_shah');
    await sdkReady(page);
    await createProject(page, env.acme.url, 'Q3 launch');
    // Typed by a person: three quick clicks in one spot would read as rage clicks, whose help
    // nudge would take this session's budget for things that start by themselves.
    for (const task of ['Brief', 'Draft', 'Ship']) {
      await page.fill('[data-waymark-anchor="add-task-input"]', task);
      await page.click('[data-waymark-anchor="add-task-button"]');
      await page.waitForTimeout(400);
    }
    // Activated (a project and three tasks): the next page view under /app shows the announcement.
    await page.click('[data-waymark-anchor="nav-team"]');
    const modal = dialog(page);
    await expect.poll(() => modal.locator('h2').allTextContents(), { timeout: 10_000 }).toEqual(["What's new: Automations"]);
    expect(await modal.locator('.nb').textContent()).toContain('your team has 3 tasks');
    await Promise.all([page.waitForURL(`${env.acme.url}/app/automations`), modal.getByRole('button', { name: 'See Automations' }).click()]);

    await flush(page);
    const events = await env.eventsUntil('usr_priya_shah', (e) => e.some((x) => x.event === 'Announcement Clicked'));
    expect(events.filter((e) => e.event.startsWith('Announcement')).map((e) => e.event)).toEqual(['Announcement Seen', 'Announcement Clicked']);
    expect((await env.state('usr_priya_shah'))['announcements']).toMatchObject({ automations: { clicked: true } });

    // Acted on: it does not show again.
    await page.click('[data-waymark-anchor="nav-projects"]');
    await page.waitForTimeout(800);
    expect(await dialog(page).count()).toBe(0);
  });
});

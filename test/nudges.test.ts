import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sdkReady, signIn } from './helpers/acme-flows.js';
import { callWaymark, flush, guidanceSuite } from './helpers/guidance-env.js';

// Acme's nudges in Chromium: users stuck on "Create your first project" get the "first-project"
// hotspot on the New project button, at most once a session, never during a guide or in quiet mode.
describe('nudges', () => {
  const { env, open } = guidanceSuite();
  const hotspot = (page: Page) => page.locator('[data-waymark-ui] .hot');
  const bubble = (page: Page) => page.locator('[data-waymark-ui] .bub');
  const nudgeEvents = async (userId: string) => (await env.events(userId)).filter((e) => e.event.startsWith('Nudge') || e.event === 'User Stuck');
  // Active time on the page with the browser's clock: a mouse move (not idle), then 10 s pass.
  const beActive = async (page: Page, seconds: number) => {
    for (let s = 0; s < seconds; s += 10) {
      await page.mouse.move(400 + (s % 50), 300);
      await page.clock.runFor(10_000);
    }
  };
  // Three clicks on one spot of the page within a fraction of a second.
  const rage = async (page: Page) => {
    for (let i = 0; i < 3; i++) await page.mouse.click(700, 450, { delay: 20 });
  };
  const signInAs = async (page: Page, userId: string) => {
    await signIn(page, env.acme.url);
    await sdkReady(page);
    await callWaymark(page, 'identify', userId);
    await page.locator('[data-waymark-ui] .launcher').waitFor({ timeout: 10_000 });
  };

  it('nudges a stuck user exactly once (injected clock), and the caps hold across reloads', async () => {
    const page = await open();
    await page.clock.install({ time: Date.UTC(2026, 10, 2, 9, 0) });
    // Acme's own user: a reload signs the same user in again.
    await signIn(page, env.acme.url, 'usr_dana_ortiz');
    await sdkReady(page);
    await page.locator('[data-waymark-ui] .launcher').waitFor({ timeout: 10_000 });
    // 60 s of active time on the item's page is not stuck yet (the threshold is 90 s)...
    await beActive(page, 60);
    expect(await hotspot(page).count()).toBe(0);
    // ...30 more seconds is: the hotspot pulses on the New project button.
    await beActive(page, 40);
    await hotspot(page).waitFor();
    const spot = await hotspot(page).boundingBox();
    const button = await page.locator('[data-waymark-anchor="new-project-button"]').boundingBox();
    expect(spot && button && Math.abs(spot.x + spot.width / 2 - (button.x + button.width)) < 12 && Math.abs(spot.y + spot.height / 2 - button.y) < 12).toBe(
      true,
    );
    // Pressing it opens the tooltip, which starts the item's guide.
    await hotspot(page).click();
    await expect.poll(() => bubble(page).locator('h2').textContent()).toBe('Start here');
    // Still stuck for minutes more: no second nudge (one at a time, one a session).
    await page.keyboard.press('Escape');
    await beActive(page, 120);
    await page.reload();
    await sdkReady(page);
    await beActive(page, 120);
    expect(await hotspot(page).count()).toBe(0);
    expect(await bubble(page).count()).toBe(0);
    await flush(page);
    const events = await env.eventsUntil('usr_dana_ortiz', (e) => e.some((x) => x.event === 'Nudge Snoozed'));
    const nudges = events.filter((e) => e.event.startsWith('Nudge') || e.event === 'User Stuck');
    // Same (injected) time for the first two: compare them as a set.
    expect(nudges.map((e) => e.event).sort()).toEqual(['Nudge Shown', 'Nudge Snoozed', 'User Stuck']);
    expect(nudges.find((e) => e.event === 'User Stuck')!.properties).toEqual({ checklist: 'getting-started', item: 'create-project', reason: 'idle-on-step' });
    expect(nudges.find((e) => e.event === 'Nudge Shown')!.properties).toMatchObject({
      nudge: 'first-project',
      checklist: 'getting-started',
      item: 'create-project',
      reason: 'idle-on-step',
      kind: 'hotspot',
    });
  });

  it('never nudges during a guide, and remembers a snooze on another device', async () => {
    const page = await open();
    await page.clock.install({ time: Date.UTC(2026, 10, 3, 9, 0) });
    await signInAs(page, 'nudge_guided');
    await callWaymark(page, 'startGuide', 'invite-teammate');
    await page.getByRole('dialog', { name: 'Your team' }).waitFor();
    await beActive(page, 120);
    expect(await hotspot(page).count()).toBe(0);
    expect(await bubble(page).count()).toBe(0);
    // The guide ends: the user is still stuck on the next item, and now the nudge may come.
    await page.getByRole('button', { name: 'Close' }).click();
    await beActive(page, 10);
    await hotspot(page).waitFor();
    await hotspot(page).click();
    await bubble(page).getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => bubble(page).count()).toBe(0);
    await flush(page);
    await env.eventsUntil('nudge_guided', (e) => e.some((x) => x.event === 'Nudge Snoozed'));

    // A second device, a new session, stuck again: snoozed for a day, so nothing.
    const other = await open();
    await other.clock.install({ time: Date.UTC(2026, 10, 3, 9, 10) });
    await signInAs(other, 'nudge_guided');
    await rage(other);
    await beActive(other, 100);
    expect(await hotspot(other).count()).toBe(0);
    expect(await bubble(other).count()).toBe(0);
  });

  it('notices rage clicks, and quiet mode holds every nudge and hint back until it ends', async () => {
    const page = await open();
    await signInAs(page, 'nudge_rage');
    await rage(page);
    await hotspot(page).waitFor({ timeout: 5000 });
    await flush(page);
    const events = await env.eventsUntil('nudge_rage', (e) => e.some((x) => x.event === 'Nudge Shown'));
    expect(events.find((e) => e.event === 'Nudge Shown')?.properties).toMatchObject({ reason: 'rage-clicks', nudge: 'first-project' });

    const quiet = await open();
    await signInAs(quiet, 'nudge_quiet');
    await callWaymark(quiet, 'quiet', true);
    await rage(quiet);
    // A locked control stays locked, without a hint.
    await quiet.click('[data-waymark-anchor="nav-reports"]');
    await quiet.click('[data-waymark-gate="reports.advanced"]', { force: true });
    await quiet.waitForTimeout(1200);
    expect(await hotspot(quiet).count()).toBe(0);
    expect(await bubble(quiet).count()).toBe(0);
    expect(await quiet.locator('.advanced-details').isHidden()).toBe(true);
    // Quiet ends: the user is still stuck, so the nudge comes (a toast here: no target on this page).
    await callWaymark(quiet, 'quiet', false);
    await rage(quiet);
    await expect.poll(() => bubble(quiet).count(), { timeout: 5000 }).toBe(1);
    // Wide enough for its three buttons on one row, inside the viewport.
    const tops = await bubble(quiet)
      .locator('.row button')
      .evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    const widths = await bubble(quiet).evaluate((b) => [
      b.getBoundingClientRect().width,
      ...Array.from(b.querySelectorAll('.row button')).map((x) => x.getBoundingClientRect().width),
    ]);
    expect(new Set(tops).size, JSON.stringify(widths)).toBe(1);
    const box = (await bubble(quiet).boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= quiet.viewportSize()!.width).toBe(true);
    await flush(quiet);
    expect((await nudgeEvents('nudge_quiet')).filter((e) => e.event === 'Nudge Shown')).toHaveLength(1);
  });

  it('never nudges while a guide waits for its page or a late target', async () => {
    const page = await open();
    await signInAs(page, 'nudge_waiting');
    await page.click('[data-waymark-anchor="nav-reports"]');
    // Its first step belongs to /app/projects: the guide runs, waiting, with nothing on screen.
    await callWaymark(page, 'startGuide', 'create-project');
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await rage(page);
    await page.waitForTimeout(1500);
    expect(await hotspot(page).count()).toBe(0);
    expect(await bubble(page).count()).toBe(0);
    await flush(page);
    const events = await nudgeEvents('nudge_waiting');
    expect(events.map((e) => e.event)).not.toContain('Nudge Shown');
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sdkReady, signIn } from './helpers/acme-flows.js';
import { acmeOnboarding, callWaymark, flush, guidanceSuite } from './helpers/guidance-env.js';

// Guides in Chromium against a real collector: Acme's config plus guides made for these cases.
const extraGuides = [
  {
    key: 'tour',
    title: 'Tour',
    steps: [
      { key: 'welcome', title: 'Welcome', body: 'A **tour** of Acme.', url: '/app/projects' },
      { key: 'team-link', title: 'Team', body: 'Your team lives here.', target: { anchor: 'nav-team' }, advance: 'click', url: '/app/*' },
      { key: 'invite', title: 'Invite', body: 'Enter an email.', target: { anchor: 'invite-email-input' }, url: '/app/team' },
      { key: 'export', title: 'Export', body: 'Download a CSV.', target: { anchor: 'export-csv-button' }, url: '/app/reports' },
    ],
  },
  {
    key: 'late',
    title: 'Late',
    steps: [{ key: 'late-step', title: 'Late target', body: 'It took a while.', target: { anchor: 'late-target' }, url: '/app/projects', waitMs: 5000 }],
  },
  {
    key: 'missing',
    title: 'Missing',
    steps: [
      { key: 'ghost', title: 'Ghost', body: 'Never here.', target: { selector: '#never-there' }, waitMs: 1000, onMissing: 'skip' },
      { key: 'after', title: 'After the ghost', body: 'Skipped to me.' },
    ],
  },
  {
    key: 'missing-end',
    title: 'Missing end',
    steps: [
      { key: 'ghost', title: 'Ghost', body: 'Never here.', target: { anchor: 'never-there' }, waitMs: 800, onMissing: 'end' },
      { key: 'unreached', title: 'Unreached', body: 'Never shown.' },
    ],
  },
  {
    // Written for another page: none of its targets is here, each with the default 5 s grace.
    key: 'broken',
    title: 'Broken tour',
    steps: [
      { key: 'a', title: 'A', body: 'Gone.', target: { anchor: 'gone-a' } },
      { key: 'b', title: 'B', body: 'Gone.', target: { anchor: 'gone-b' } },
      { key: 'c', title: 'C', body: 'Gone.', target: { anchor: 'gone-c' } },
    ],
  },
];

describe('guides', () => {
  const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

  const { env, open } = guidanceSuite(() => {
    const config = acmeOnboarding();
    return { ...config, guides: [...(config['guides'] as unknown[]), ...extraGuides] };
  });

  it('continues across an SPA route change, a reload and a full navigation, and resumes at the same step', async () => {
    const page = await open();
    await signIn(page, env.acme.url);
    await sdkReady(page);
    await callWaymark(page, 'startGuide', 'tour');
    await dialog(page, 'Welcome').waitFor();
    expect(await page.locator('[data-waymark-ui] [role=status]').textContent()).toBe('Step 1 of 4: Welcome');
    await page.getByRole('button', { name: 'Next' }).click();
    await dialog(page, 'Team').waitFor();
    // The popover sits next to its target (floating-ui), and the spotlight around it.
    const target = await page.locator('[data-waymark-anchor="nav-team"]').boundingBox();
    const pop = await dialog(page, 'Team').boundingBox();
    expect(pop && target && Math.abs(pop.y + pop.height / 2 - (target.y + target.height / 2)) < 200).toBe(true);
    // advance: 'click' — clicking the target (an SPA link) moves on, and the next step waits for /app/team.
    await page.click('[data-waymark-anchor="nav-team"]');
    await page.waitForURL(`${env.acme.url}/app/team`);
    await dialog(page, 'Invite').waitFor();
    expect(await page.locator('[data-waymark-ui] [role=status]').textContent()).toBe('Step 3 of 4: Invite');

    // A reload mid-guide resumes at the same step.
    await page.reload();
    await dialog(page, 'Invite').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    // The last step belongs to /app/reports: nothing shows here, and a full page load gets there.
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.goto(`${env.acme.url}/app/reports`);
    await dialog(page, 'Export').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await flush(page);
    const events = await env.eventsUntil('usr_dana_ortiz', (e) => e.some((x) => x.event === 'Guide Completed'));
    const guide = events.filter((e) => e.properties['guide'] === 'tour');
    expect(guide[0]).toEqual({ event: 'Guide Started', properties: { guide: 'tour' } });
    expect(guide.filter((e) => e.event === 'Guide Step Viewed').map((e) => e.properties['step'])).toEqual([
      'welcome',
      'team-link',
      'invite',
      'invite',
      'export',
    ]);
    expect(guide.at(-1)).toEqual({ event: 'Guide Completed', properties: { guide: 'tour' } });
  });

  it("starts a guide asked for right after identify, even when the new user's state comes late", async () => {
    const page = await open();
    await signIn(page, env.acme.url);
    await sdkReady(page);
    await page.locator('[data-waymark-ui] .launcher').waitFor({ timeout: 10_000 });
    // Another user signs in and the product starts a guide at once; their state takes 800 ms.
    await page.route('**/v1/state?**', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    const stateLoaded = page.waitForResponse((r) => r.url().includes('/v1/state?'));
    await page.evaluate(() => {
      const w = (window as unknown as { waymark: { identify(id: string): void; startGuide(key: string): void } }).waymark;
      w.identify('guide_after_identify');
      w.startGuide('tour');
    });
    await stateLoaded;
    await dialog(page, 'Welcome').waitFor();
    // Loading the new user's state does not end the guide again.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await dialog(page, 'Welcome').isVisible()).toBe(true);
    await flush(page);
    await env.eventsUntil('guide_after_identify', (e) => e.some((x) => x.event === 'Guide Started'));
  });

  it('waits for a target that renders after 2 s', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_marcus_chen');
    await sdkReady(page);
    await page.evaluate(() =>
      setTimeout(() => {
        const b = document.createElement('button');
        b.textContent = 'Late';
        b.setAttribute('data-waymark-anchor', 'late-target');
        document.querySelector('main')?.prepend(b);
      }, 2000),
    );
    const started = Date.now();
    await callWaymark(page, 'startGuide', 'late');
    await dialog(page, 'Late target').waitFor({ timeout: 6000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1800);
  });

  it('skips a target that never appears, or ends the guide, and reports Guide Errored', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_priya_shah');
    await sdkReady(page);
    await callWaymark(page, 'startGuide', 'missing');
    await dialog(page, 'After the ghost').waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await callWaymark(page, 'startGuide', 'missing-end');
    await page.waitForTimeout(1500);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await flush(page);
    const events = await env.eventsUntil('usr_priya_shah', (e) => e.filter((x) => x.event === 'Guide Errored').length >= 2);
    expect(events.filter((e) => e.event === 'Guide Errored').map((e) => e.properties)).toEqual([
      { guide: 'missing', step: 'ghost', reason: 'target_not_found' },
      // The run ended there: errored, which the user did not dismiss.
      { guide: 'missing-end', step: 'ghost', reason: 'target_not_found', ended: true },
    ]);
    expect(events.filter((e) => e.event === 'Guide Dismissed').map((e) => e.properties)).toEqual([{ guide: 'missing', step: 'after' }]);
  });

  it('ends a guide whose targets never show as errored, not completed, soon, and says so', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_dana_ortiz');
    await sdkReady(page);
    const started = Date.now();
    await callWaymark(page, 'startGuide', 'broken');
    // One grace period for the first step, none for the rest: not 3 × 5 s of nothing on screen.
    await page.getByText('“Broken tour” can’t be shown on this page right now.').waitFor({ timeout: 8000 });
    const took = Date.now() - started;
    expect(took).toBeLessThan(7000);
    await flush(page);
    const events = await env.eventsUntil('usr_dana_ortiz', (e) => e.some((x) => x.event === 'Guide Errored' && x.properties['ended'] === true));
    const mine = events.filter((e) => e.properties['guide'] === 'broken').map((e) => [e.event, e.properties['step'] ?? null]);
    expect(mine).toEqual([
      ['Guide Started', null],
      ['Guide Errored', 'a'],
      ['Guide Errored', 'b'],
      ['Guide Errored', 'c'],
    ]);
    // The collector does not resume it on the next page, and the funnel does not count it completed.
    const state = await env.state('usr_dana_ortiz');
    expect(state.guides['broken']).toMatchObject({ status: 'errored' });
    await page.reload();
    await sdkReady(page);
    await page.waitForTimeout(1000);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

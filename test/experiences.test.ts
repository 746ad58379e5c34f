import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callWaymark, flush } from './helpers/guidance-env.js';
import { hashSiteSuite } from './helpers/hash-site.js';

// Experiences that find their users, in a hash-routed app: page conditions in checklist items and
// audiences; guides and checklists that start by their triggers, under one frequency budget.
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
      trigger: { page: '/#/settings', audience: { trait: 'role', op: 'eq', value: 'admin' } },
      items: [
        { key: 'visit-settings', title: 'Look at your settings', done: { page: '/#/settings' }, link: { url: '/#/settings', label: 'Open settings' } },
        { key: 'export', title: 'Export a report', done: { event: 'Report Exported' } },
      ],
    },
  ],
  nudges: [{ key: 'reports-help', kind: 'toast', for: { checklist: 'report-tips' }, title: 'Stuck on reports?', stuck: { activeMs: 3000 } }],
  guides: [
    {
      key: 'reports-tour',
      title: 'Reports tour',
      trigger: { page: '/#/reports', audience: { trait: 'role', op: 'eq', value: 'admin' } },
      steps: [
        { key: 'export', title: 'Export', body: 'Export any report.', target: { anchor: 'export' }, url: '/#/reports' },
        { key: 'share', title: 'Share', body: 'Or share it.', target: { anchor: 'share' }, url: '/#/reports' },
      ],
    },
    {
      key: 'reports-welcome',
      title: 'Welcome to reports',
      trigger: { page: '/#/reports', priority: 1, audience: { trait: 'beta', op: 'eq', value: true } },
      steps: [{ key: 'hello', title: 'Hello beta', body: 'Reports live here.' }],
    },
    {
      key: 'personal',
      title: 'Personal',
      steps: [
        {
          key: 'hi',
          title: "Hi {{user.name | 'there'}}",
          body: "Your team created **{{count 'Project Created' account}}** projects, {{user.name | 'friend'}}. Day {{days | 'one'}}.\n\n[Your profile](/people/{{user.name}})",
        },
      ],
    },
    {
      key: 'company-setup',
      title: 'Company setup',
      steps: [
        { key: 'open', title: 'Open settings', body: 'Click **Settings**.', target: { anchor: 'nav-settings' }, advance: 'click', url: '/#/' },
        { key: 'company', title: 'Your company', body: 'Type its name.', target: { anchor: 'company' }, advance: 'input', url: '/#/settings' },
        { key: 'save', title: 'Save it', body: 'Then save.', target: { anchor: 'save' }, url: '/#/settings' },
      ],
    },
    {
      key: 'entry-tip',
      title: 'Entry tip',
      trigger: { event: 'Entry Created', repeat: { afterDays: 1 } },
      steps: [{ key: 'tip', title: 'Entry tip', body: 'Entries can be copied.' }],
    },
    {
      key: 'export-followup',
      title: 'After your export',
      trigger: { event: 'Report Exported', page: '/#/reports' },
      steps: [{ key: 'nice', title: 'Nice export', body: 'Find it in your downloads.' }],
    },
  ],
};

describe('experiences in a hash-routed app', () => {
  const { env, site, pages } = hashSiteSuite(config);
  const ui = (page: Page) => page.locator('[data-waymark-ui]');

  /** Opens the app at `hash` in a new browser context (a new session) as `userId`; resolves once the UI has the config. */
  const visit = async (hash: string, userId = `u_${Math.random().toString(36).slice(2)}`, traits: Record<string, unknown> = {}) => {
    const page = await pages.open();
    await page.goto(`${site.url}${hash}`);
    await page.waitForFunction(() => typeof (window as unknown as { waymark?: { track?: unknown } }).waymark?.track === 'function');
    await callWaymark(page, 'identify', userId, traits);
    await ui(page).locator('.launcher').waitFor({ timeout: 10_000 });
    return { page, userId };
  };
  const go = (page: Page, hash: string) =>
    page.evaluate((h) => {
      location.hash = h;
    }, hash);
  const dialog = (page: Page) => page.locator('[data-waymark-ui] [role="dialog"]');
  /** Closes the guide on screen with Escape and waits until it is gone. */
  const closeDialog = async (page: Page) => {
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
  };
  /** Waits `ms` (300 by default) for anything to appear, then expects nothing matches `found`. */
  const noneAfter = async (found: Locator, ms = 300) => {
    await found.page().waitForTimeout(ms);
    expect(await found.count()).toBe(0);
  };
  const dialogTitle = (page: Page) => dialog(page).locator('h2').textContent({ timeout: 5000 });
  const started = async (userId: string) =>
    (await env.events(userId)).filter((e) => e.event === 'Experience Started').map((e) => `${e.properties['experience']} ${e.properties['trigger']}`);

  it('shows a checklist whose audience is a hash route only on that route, and completes an item by visiting its hash link', async () => {
    const { page, userId } = await visit('#/');
    const launcher = ui(page).locator('.launcher');
    await expect.poll(() => launcher.textContent()).toBe('Set up 0/2');
    await go(page, '#/reports');
    await expect.poll(() => launcher.textContent()).toBe('Report tips 0/1');
    await go(page, '#/');
    await expect.poll(() => launcher.textContent()).toBe('Set up 0/2');
    await launcher.click();
    await ui(page).getByRole('link', { name: 'Open settings' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/settings');
    await expect.poll(() => launcher.textContent()).toBe('Set up 1/2');
    // Done stays done after leaving the page, and on the collector.
    await go(page, '#/');
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

  it('starts a guide on the first visit to a hash route for its audience, once per user, across reloads and devices', async () => {
    const { page, userId } = await visit('#/', undefined, { role: 'admin' });
    await noneAfter(dialog(page));
    await go(page, '#/reports');
    expect(await dialogTitle(page)).toBe('Export');
    await closeDialog(page);
    // Back to the page in the same session, after a reload, and on another device: not again.
    await go(page, '#/');
    await go(page, '#/reports');
    await page.reload();
    await ui(page).locator('.launcher').waitFor();
    await noneAfter(dialog(page), 500);
    await flush(page);
    await env.eventsUntil(userId, (e) => e.some((x) => x.event === 'Experience Started'));
    const other = await visit('#/reports', userId, { role: 'admin' });
    await noneAfter(dialog(other.page), 500);
    expect(await started(userId)).toEqual(['guide:reports-tour page']);
    // A user outside the audience never gets it.
    const viewer = await visit('#/reports', undefined, { role: 'viewer' });
    await noneAfter(dialog(viewer.page), 500);
  });

  it('starts the highest priority of two guides triggered by the same page', async () => {
    // An admin in the beta is in both audiences: the welcome (priority 1) beats the tour (0).
    const { page } = await visit('#/reports', undefined, { role: 'admin', beta: true });
    expect(await dialogTitle(page)).toBe('Hello beta');
  });

  it('starts a guide when its event is tracked on its page, not elsewhere', async () => {
    const { page, userId } = await visit('#/');
    await callWaymark(page, 'track', 'Report Exported');
    await noneAfter(dialog(page));
    await go(page, '#/reports');
    await noneAfter(dialog(page));
    await callWaymark(page, 'track', 'Report Exported');
    expect(await dialogTitle(page)).toBe('Nice export');
    await flush(page);
    await env.eventsUntil(userId, (e) => e.some((x) => x.event === 'Experience Started'));
    expect(await started(userId)).toEqual(['guide:export-followup event']);
  });

  it('opens a checklist by its page trigger; one budget for guides and checklists: one start a session, never while another is on screen, nothing in quiet mode', async () => {
    const userId = `u_${Math.random().toString(36).slice(2)}`;
    const { page } = await visit('#/reports', userId, { role: 'admin' });
    expect(await dialogTitle(page)).toBe('Export');
    // While the tour runs (here waiting for its page), the checklist's page trigger does not open it...
    await go(page, '#/settings');
    await noneAfter(ui(page).locator('.panel'));
    // ...nor after it ends, in the same session: the session's start is used.
    await go(page, '#/reports');
    expect(await dialogTitle(page)).toBe('Export');
    await closeDialog(page);
    await go(page, '#/');
    await go(page, '#/settings');
    await noneAfter(ui(page).locator('.panel'));
    // A new session: held in quiet mode, then opened on the next visit once quiet ends.
    await flush(page);
    const next = await visit('#/', userId, { role: 'admin' });
    await callWaymark(next.page, 'quiet', true);
    await go(next.page, '#/settings');
    await noneAfter(ui(next.page).locator('.panel'));
    await callWaymark(next.page, 'quiet', false);
    await go(next.page, '#/');
    await go(next.page, '#/settings');
    await ui(next.page).locator('.panel').waitFor({ timeout: 5000 });
    expect(await ui(next.page).locator('.panel h2').textContent()).toBe('Set up');
    await flush(next.page);
    await env.eventsUntil(userId, (e) => e.filter((x) => x.event === 'Experience Started').length === 2);
    expect(await started(userId)).toEqual(['guide:reports-tour page', 'checklist:setup page']);
  });

  const onboarding = async (userId: string) =>
    (await env.events(userId)).filter((e) => /^(Guide|Checklist|Experience|Nudge|Milestone)/.test(e.event)).map((e) => e.event);

  it('previews a guide from the URL for someone outside its audience, marked, across a reload, with no events sent', async () => {
    const { page, userId } = await visit('#/', undefined, { role: 'viewer' });
    await page.goto(`${site.url}?waymark_preview=reports-tour#/reports`);
    expect(await dialogTitle(page)).toBe('Export');
    expect(await dialog(page).locator('.tag').textContent()).toBe('Preview');
    await page.waitForTimeout(400);
    await page.screenshot({ path: '/tmp/waymark-preview-step.png' });
    await dialog(page).getByRole('button', { name: 'Next' }).click();
    expect(await dialogTitle(page)).toBe('Share');
    // The preview and its place are the tab's: a load without the parameter goes on at step 2.
    await page.goto(`${site.url}#/reports`);
    expect(await dialogTitle(page)).toBe('Share');
    expect(await dialog(page).locator('.tag').count()).toBe(1);
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    // Over: the next load shows nothing, and the user's own progress never had the guide.
    await page.reload();
    await ui(page).locator('.launcher').waitFor();
    await noneAfter(dialog(page));
    await callWaymark(page, 'track', 'Preview Checked');
    await flush(page);
    await env.eventsUntil(userId, (e) => e.some((x) => x.event === 'Preview Checked'));
    expect(await onboarding(userId)).toEqual([]);
    expect((await env.state(userId)).guides).toEqual({});
  });

  it('previews with waymark.preview(key) whatever the budget and the audience, and reset() starts it over as a new visitor', async () => {
    // The session's one start is used by the triggered tour...
    const { page, userId } = await visit('#/reports', undefined, { role: 'admin' });
    expect(await dialogTitle(page)).toBe('Export');
    await page.keyboard.press('Escape');
    // ...yet a preview shows, even of a guide triggered by an event that did not happen.
    await callWaymark(page, 'preview', 'export-followup');
    expect(await dialogTitle(page)).toBe('Nice export');
    await closeDialog(page);
    // A checklist whose audience is another page, with the author's own progress in it.
    await go(page, '#/settings');
    await go(page, '#/');
    await callWaymark(page, 'preview', 'setup');
    const panel = ui(page).locator('.panel');
    await panel.waitFor();
    expect(await panel.locator('.tag').textContent()).toBe('Preview');
    expect(await panel.locator('li.done').count()).toBe(1);
    await callWaymark(page, 'reset');
    await expect.poll(() => panel.locator('li.done').count()).toBe(0);
    expect(await panel.locator('.tag').textContent()).toBe('Preview');
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await flush(page);
    await page.waitForTimeout(300);
    // Only the real run of the triggered tour and the real visit to settings were recorded.
    expect(await onboarding(userId)).toEqual(['Experience Started', 'Guide Started', 'Guide Step Viewed', 'Guide Dismissed', 'Checklist Item Completed']);
  });

  it('personalises titles and bodies, with fallbacks, and hostile values render as inert text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">**bold** [x](javascript:alert(1)) {{user.role}}';
    const { page } = await visit('#/', undefined, { name: hostile, role: 'admin' });
    await callWaymark(page, 'track', 'Project Created');
    await callWaymark(page, 'track', 'Project Created');
    await callWaymark(page, 'startGuide', 'personal');
    expect(await dialogTitle(page)).toBe(`Hi ${hostile}`);
    const body = dialog(page).locator('[id$="-b"]');
    expect(await body.textContent()).toBe(`Your team created 2 projects, ${hostile}. Day one.Your profile`);
    // Only the author's markup is markup: one bold (the count), one link (the profile), no image.
    expect(await body.locator('strong').allTextContents()).toEqual(['2']);
    expect(await body.locator('img').count()).toBe(0);
    expect(await body.locator('a').count()).toBe(1);
    expect(await body.locator('a').getAttribute('href')).toBe(`/people/${encodeURIComponent(hostile)}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/waymark-personal.png' });
    // Without a name: the fallbacks.
    const other = await visit('#/');
    await callWaymark(other.page, 'startGuide', 'personal');
    expect(await dialogTitle(other.page)).toBe('Hi there');
    expect(await dialog(other.page).locator('[id$="-b"] p').first().textContent()).toBe('Your team created 0 projects, friend. Day one.');
  });

  it('tours: a step moves on when the user types in its field, and Back returns to a previous step on the same page', async () => {
    const { page } = await visit('#/');
    await callWaymark(page, 'startGuide', 'company-setup');
    expect(await dialogTitle(page)).toBe('Open settings');
    const back = dialog(page).getByRole('button', { name: 'Back' });
    expect(await back.count()).toBe(0);
    await page.click('[data-waymark-anchor="nav-settings"]');
    expect(await dialogTitle(page)).toBe('Your company');
    // The previous step is on another page: no Back. The caret is in the field.
    expect(await back.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-waymark-anchor'))).toBe('company');
    await page.keyboard.type('Ac', { delay: 50 });
    // Still typing: the step stays.
    expect(await dialogTitle(page)).toBe('Your company');
    await page.keyboard.type('me', { delay: 50 });
    await expect.poll(() => dialogTitle(page), { timeout: 5000 }).toBe('Save it');
    expect(await page.inputValue('[data-waymark-anchor="company"]')).toBe('Acme');
    await back.waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/waymark-back.png' });
    await back.click();
    expect(await dialogTitle(page)).toBe('Your company');
    await dialog(page).getByRole('button', { name: 'Next' }).click();
    expect(await dialogTitle(page)).toBe('Save it');
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
  });

  it('one budget across kinds: a nudge shows to a stuck user, but not in a session where a triggered tour already started', async () => {
    // Active for a few seconds on the reports page, where the report tips are the checklist on screen.
    const beActive = async (page: Page, seconds: number) => {
      for (let i = 0; i < seconds * 4; i++) {
        await page.mouse.move(300 + (i % 7) * 10, 300);
        await page.waitForTimeout(250);
      }
    };
    const toast = (page: Page) => ui(page).getByRole('dialog', { name: 'Stuck on reports?' });
    const viewer = await visit('#/reports', undefined, { role: 'viewer' });
    await beActive(viewer.page, 5);
    await toast(viewer.page).waitFor({ timeout: 5000 });
    const admin = await visit('#/reports', undefined, { role: 'admin' });
    expect(await dialogTitle(admin.page)).toBe('Export');
    await closeDialog(admin.page);
    await beActive(admin.page, 6);
    expect(await toast(admin.page).count()).toBe(0);
    await flush(admin.page);
    await env.eventsUntil(admin.userId, (e) => e.some((x) => x.event === 'User Stuck'));
    expect((await env.events(admin.userId)).filter((e) => e.event === 'Nudge Shown')).toEqual([]);
  });

  it('starts a guide on an event anywhere, and again only after its repeat days have passed', async () => {
    const userId = `u_${Math.random().toString(36).slice(2)}`;
    const { page } = await visit('#/', userId);
    await callWaymark(page, 'track', 'Entry Created');
    expect(await dialogTitle(page)).toBe('Entry tip');
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await callWaymark(page, 'track', 'Entry Created');
    await noneAfter(dialog(page));
    await flush(page);
    await env.eventsUntil(userId, (e) => e.some((x) => x.event === 'Guide Completed'));
    // Another session the same day: the cooldown holds.
    const sameDay = await visit('#/settings', userId);
    await callWaymark(sameDay.page, 'track', 'Entry Created');
    await noneAfter(dialog(sameDay.page));
    // A day later (the browser's clock): again.
    const later = await pages.open();
    await later.clock.install({ time: Date.now() + 25 * 3_600_000 });
    await later.goto(`${site.url}#/`);
    await later.waitForFunction(() => typeof (window as unknown as { waymark?: { track?: unknown } }).waymark?.track === 'function');
    await callWaymark(later, 'identify', userId);
    await ui(later).locator('.launcher').waitFor({ timeout: 10_000 });
    await callWaymark(later, 'track', 'Entry Created');
    expect(await dialogTitle(later)).toBe('Entry tip');
    await flush(later);
    await env.eventsUntil(userId, (e) => e.filter((x) => x.event === 'Experience Started').length === 2);
    expect(await started(userId)).toEqual(['guide:entry-tip event', 'guide:entry-tip event']);
  });

  it('ignores a preview of a key that does not exist: the page works as usual', async () => {
    const { page, userId } = await visit('?waymark_preview=no-such-key#/reports', undefined, { role: 'admin' });
    expect(await dialogTitle(page)).toBe('Export');
    expect(await dialog(page).locator('.tag').count()).toBe(0);
    await flush(page);
    await env.eventsUntil(userId, (e) => e.some((x) => x.event === 'Guide Step Viewed'));
    expect(await started(userId)).toEqual(['guide:reports-tour page']);
  });

  it('debug mode says what each trigger would do, and why not', async () => {
    const { page } = await visit('?waymark_debug=1#/', undefined, { role: 'viewer' });
    const panel = page.getByRole('region', { name: 'Waymark debug' });
    await panel.waitFor({ timeout: 5000 });
    await expect.poll(() => panel.textContent()).toContain('trigger on a page view of /#/reports: would not start: not on its page');
    await go(page, '#/reports');
    await expect.poll(() => panel.textContent()).toContain('trigger on a page view of /#/reports: would not start: its audience does not hold');
    expect(await panel.textContent()).toContain('trigger on "Report Exported" on /#/reports: would start');
    await page.screenshot({ path: '/tmp/waymark-debug-triggers.png' });
  });
});

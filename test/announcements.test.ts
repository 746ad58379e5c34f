import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callWaymark, flush } from './helpers/guidance-env.js';
import { hashSiteSuite } from './helpers/hash-site.js';

// Announcements in a hash-routed app: each kind, the audience by adoption stage, the one frequency
// budget shared with guides, preview, and personalised text that stays inert.
const config = {
  version: 1,
  features: [{ key: 'automations', name: 'Automations', tier: 'advanced', events: ['Automation Created'] }],
  milestones: [
    { key: 'activated', name: 'Activated', scope: 'account', targetDay: 7, condition: { event: 'Entry Created', count: { gte: 2 }, scope: 'account' } },
  ],
  guides: [
    {
      key: 'automations-tour',
      title: 'Automations tour',
      steps: [{ key: 'hello', title: 'Your first automation', body: 'Automations save you time.' }],
    },
  ],
  announcements: [
    {
      key: 'automations',
      kind: 'modal',
      title: "What's new: Automations, {{user.name | 'there'}}",
      body: "Your team created **{{count 'Entry Created' account}}** entries. Let Automations file the next ones.",
      image: { src: '/automations.svg', alt: 'An automation' },
      feature: 'automations',
      action: { type: 'guide', label: 'Show me', guide: 'automations-tour' },
      audience: { all: [{ milestone: 'activated' }, { not: { event: 'Automation Created', scope: 'account' } }] },
      trigger: { page: '/#/' },
    },
    {
      key: 'exports-banner',
      kind: 'banner',
      position: 'top',
      push: true,
      title: 'Exports are faster',
      body: 'Reports now export in seconds.',
      action: { type: 'url', label: 'Read more', url: '/#/settings' },
      trigger: { event: 'Report Exported' },
    },
    {
      key: 'settings-slide',
      kind: 'slideout',
      title: 'New: company logo',
      body: 'Add your logo in settings.',
      action: { type: 'dismiss', label: 'Got it' },
      trigger: { page: '/#/settings' },
    },
    {
      key: 'share-hotspot',
      kind: 'hotspot',
      target: { anchor: 'share' },
      title: 'Share with a link',
      body: 'Anyone with the link can view.',
      trigger: { page: '/#/reports' },
    },
  ],
};

describe('announcements in a hash-routed app', () => {
  const { env, site, pages } = hashSiteSuite(config);
  const ui = (page: Page) => page.locator('[data-waymark-ui]');
  const dialog = (page: Page) => ui(page).locator('[role="dialog"]');

  /** Opens the app at `hash` in a new browser context (a new session) as `userId`, once the tracker is there. */
  const visit = async (hash: string, userId: string, traits: Record<string, unknown> = {}, query = '') => {
    const page = await pages.open();
    await page.goto(`${site.url}${query}${hash}`);
    await page.waitForFunction(() => typeof (window as unknown as { waymark?: { track?: unknown } }).waymark?.track === 'function');
    await callWaymark(page, 'identify', userId, traits);
    await callWaymark(page, 'group', `acct-${userId}`);
    return page;
  };
  const go = (page: Page, hash: string) => page.evaluate((h) => void (location.hash = h), hash);
  const user = (name: string) => `${name}_${Math.random().toString(36).slice(2)}`;
  const names = (events: Array<{ event: string; properties: Record<string, unknown> }>, prefix = 'Announcement') =>
    events
      .filter((e) => e.event.startsWith(prefix) || e.event === 'Experience Started')
      .map((e) => `${e.event} ${e.properties['announcement'] ?? e.properties['experience']}`)
      // Sorted: events tracked in the same millisecond are stored in either order.
      .sort();

  it('announces a feature to accounts that reached activated and do not use it: a modal, personalised and inert, whose call to action starts a guide', async () => {
    const id = user('ana');
    const page = await visit('#/', id, { name: '<img src=x onerror="window.hacked=1">**Ana**' });
    await page.waitForTimeout(500);
    // Before activated: nothing.
    expect(await dialog(page).count()).toBe(0);
    await callWaymark(page, 'track', 'Entry Created');
    await callWaymark(page, 'track', 'Entry Created');
    await go(page, '#/elsewhere');
    await go(page, '#/');
    const modal = dialog(page);
    await expect.poll(() => modal.locator('h2').textContent()).toBe(`What's new: Automations, <img src=x onerror="window.hacked=1">**Ana**`);
    expect(await modal.locator('.nb').innerHTML()).toBe('<p>Your team created <strong>2</strong> entries. Let Automations file the next ones.</p>');
    expect(await modal.locator('img').getAttribute('alt')).toBe('An automation');
    expect(await ui(page).locator('.backdrop').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    // Focus moves to the call to action.
    expect(await page.evaluate(() => document.querySelector('[data-waymark-ui]')?.shadowRoot?.activeElement?.textContent)).toBe('Show me');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).locator('h2').textContent()).toBe('Your first automation');
    await flush(page);
    const events = await env.eventsUntil(id, (e) => e.some((x) => x.event === 'Announcement Clicked'));
    expect(names(events)).toEqual(['Experience Started announcement:automations', 'Announcement Seen automations', 'Announcement Clicked automations'].sort());
    expect(events.find((e) => e.event === 'Announcement Clicked')?.properties).toEqual({ announcement: 'automations', action: 'guide' });
    expect((await env.state(id))['announcements']).toEqual({ automations: { clicked: true, dismissed: false } });

    // Another device of the same user: the guide goes on there; the announcement does not show again.
    const other = await visit('#/elsewhere', id);
    await expect.poll(() => dialog(other).locator('h2').textContent()).toBe('Your first automation');
    await other.keyboard.press('Escape');
    await go(other, '#/');
    await other.waitForTimeout(600);
    expect(await dialog(other).count()).toBe(0);

    // An account that already uses Automations is not in the audience.
    const busy = user('bo');
    const third = await visit('#/elsewhere', busy);
    for (const e of ['Entry Created', 'Entry Created', 'Automation Created']) await callWaymark(third, 'track', e);
    await go(third, '#/');
    await third.waitForTimeout(600);
    expect(await dialog(third).count()).toBe(0);
  });

  it('shows a banner on an event that pushes the page down while it shows; Esc dismisses it for good', async () => {
    const id = user('cy');
    const page = await visit('#/elsewhere', id);
    await page.waitForTimeout(300);
    const padding = () => page.evaluate(() => document.documentElement.style.paddingTop);
    expect(await padding()).toBe('');
    await callWaymark(page, 'track', 'Report Exported');
    const banner = ui(page).locator('.bn');
    await banner.waitFor();
    const box = (await banner.boundingBox())!;
    expect(box.y).toBe(0);
    expect(box.width).toBe(page.viewportSize()!.width);
    expect(await padding()).toBe(`${Math.round(box.height)}px`);
    // A banner appears by itself: it does not take focus.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => banner.count()).toBe(0);
    expect(await padding()).toBe('');
    await callWaymark(page, 'track', 'Report Exported');
    await page.waitForTimeout(400);
    expect(await banner.count()).toBe(0);
    await flush(page);
    const events = await env.eventsUntil(id, (e) => e.some((x) => x.event === 'Announcement Dismissed'));
    expect(names(events)).toEqual(
      ['Experience Started announcement:exports-banner', 'Announcement Seen exports-banner', 'Announcement Dismissed exports-banner'].sort(),
    );
  });

  it('shares the one budget with everything that starts by itself: a slide-out, then the hotspot only in a later session', async () => {
    const id = user('di');
    const page = await visit('#/settings', id);
    const slide = ui(page).locator('.c2');
    await expect.poll(() => slide.locator('h2').textContent()).toBe('New: company logo');
    await ui(page).getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => slide.count()).toBe(0);
    // Same session: the hotspot's trigger holds, the session budget does not.
    await go(page, '#/reports');
    await page.waitForTimeout(600);
    expect(await ui(page).locator('.hot').count()).toBe(0);
    await flush(page);
    await env.eventsUntil(id, (e) => e.some((x) => x.event === 'Announcement Clicked'));

    // A new session: the beacon sits on Share; pressing it opens the announcement beside it.
    const next = await visit('#/reports', id);
    const beacon = ui(next).getByRole('button', { name: 'Share with a link' });
    await beacon.waitFor();
    const share = (await next.locator('[data-waymark-anchor="share"]').boundingBox())!;
    const dot = (await beacon.boundingBox())!;
    expect(Math.abs(dot.x + dot.width / 2 - (share.x + share.width))).toBeLessThan(10);
    await beacon.click();
    const bubble = dialog(next);
    await expect.poll(() => bubble.locator('h2').textContent()).toBe('Share with a link');
    const b = (await bubble.boundingBox())!;
    expect(b.y).toBeGreaterThan(share.y + share.height - 2);
    await next.keyboard.press('Escape');
    await flush(next);
    const events = await env.eventsUntil(id, (e) => e.some((x) => x.event === 'Announcement Dismissed'));
    expect(names(events)).toEqual(
      [
        'Experience Started announcement:settings-slide',
        'Announcement Seen settings-slide',
        'Announcement Clicked settings-slide',
        'Experience Started announcement:share-hotspot',
        'Announcement Seen share-hotspot',
        'Announcement Dismissed share-hotspot',
      ].sort(),
    );
  });

  it('previews any announcement for its author, marked and left out of analytics', async () => {
    const id = user('ed');
    const page = await visit('#/elsewhere', id, {}, '?waymark_preview=automations');
    const modal = dialog(page);
    await expect.poll(() => modal.locator('h2').textContent()).toBe("What's new: Automations, there");
    expect(await modal.locator('.tag').textContent()).toBe('Preview');
    await ui(page).getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => modal.count()).toBe(0);
    await callWaymark(page, 'track', 'Marker');
    await flush(page);
    const events = await env.eventsUntil(id, (e) => e.some((x) => x.event === 'Marker'));
    expect(names(events)).toEqual([]);
  });
});

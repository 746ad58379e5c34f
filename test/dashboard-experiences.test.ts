import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsmUser, type AppKeys, type RunningCollector, type Sql } from '@waymark/collector';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.mjs';
import { collectPageProblems, type PageProblem } from './helpers/console-errors.js';
import { acmeOnboarding } from './helpers/guidance-env.js';
import { pushConfig, startTestCollector } from './helpers/test-collector.js';

// The picture of the view is kept for review, outside the repository.
const shots = '/work/shots';
const dayMs = 86_400_000;
const csm = { email: 'cy@vendor.test', password: 'correct horse battery staple' };

let keys: AppKeys;
let collector: RunningCollector;
let browser: Browser;
let page: Page;
let problems: PageProblem[];

/**
 * Acme's guides and announcements on a timeline ending now: three users through the
 * create-project guide, one through the Reports tour; four who saw the Automations announcement
 * (two used Automations, 1 and 10 days later), two active users who did not see it (one used it).
 */
function seed(now: number): unknown[] {
  let n = 0;
  const at = (userId: string, daysAgo: number, event: string, properties: Record<string, unknown> = {}) => ({
    type: 'track',
    messageId: `exp-${n++}`,
    userId,
    event,
    properties,
    timestamp: new Date(now - daysAgo * dayMs).toISOString(),
    context: { groupId: 'northwind' },
  });
  const auto = (userId: string, daysAgo: number, key: string) =>
    at(userId, daysAgo, 'Experience Started', { experience: `guide:${key}`, kind: 'guide', key, trigger: 'page', session: userId });
  const item = (userId: string, daysAgo: number) => at(userId, daysAgo, 'Checklist Item Completed', { checklist: 'getting-started', item: 'create-project' });
  const guide = (userId: string, daysAgo: number, event: string, key = 'create-project') => at(userId, daysAgo, event, { guide: key });
  const news = (userId: string, daysAgo: number, event: string, announcement = 'automations') => at(userId, daysAgo, event, { announcement });
  return [
    auto('u1', 13, 'create-project'),
    guide('u1', 13, 'Guide Started'),
    guide('u1', 12.9, 'Guide Completed'),
    item('u1', 12.8),
    auto('u1', 11, 'reports-tour'),
    guide('u1', 11, 'Guide Started', 'reports-tour'),
    guide('u1', 10.9, 'Guide Completed', 'reports-tour'),
    guide('u2', 12, 'Guide Started'),
    guide('u2', 11.9, 'Guide Dismissed'),
    guide('u3', 12, 'Guide Started'),
    guide('u3', 11.9, 'Guide Completed'),
    item('u3', 9),
    news('a1', 12, 'Announcement Seen'),
    at('a1', 11.9, 'Announcement Clicked', { announcement: 'automations', action: 'url' }),
    at('a1', 11, 'Automation Created'),
    news('a1', 11, 'Announcement Seen', 'csv-exports'),
    news('a1', 11, 'Announcement Dismissed', 'csv-exports'),
    news('a2', 12, 'Announcement Seen'),
    news('a2', 11.9, 'Announcement Dismissed'),
    at('a2', 2, 'Automation Created'),
    news('a3', 10, 'Announcement Seen'),
    news('a4', 9, 'Announcement Seen'),
    at('n1', 10, 'Project Created'),
    at('n1', 9, 'Automation Created'),
    at('n2', 8, 'Task Added'),
  ];
}

async function logIn() {
  await page.goto(`${collector.url}/dashboard`);
  await page.getByLabel('Email').fill(csm.email);
  await page.getByLabel('Password').fill(csm.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/portfolio/);
}

/** The text of each cell of a table's row whose header starts with `name`. */
async function row(table: string, name: string): Promise<string[]> {
  const r = page
    .locator('table', { has: page.locator('caption', { hasText: table }) })
    .locator('tbody tr')
    .filter({ has: page.locator('th', { hasText: name }) });
  return (await r.first().locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  let sql: Sql;
  ({ sql, keys, collector } = await startTestCollector('Acme', { weeklyDigest: false }));
  await createCsmUser(sql, { email: csm.email, name: 'Cy', role: 'csm', password: csm.password, apps: [keys.appId] }, Date.now());
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  problems = collectPageProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

describe('the Experiences view of the dashboard', () => {
  it('says what to configure while there are no guides or announcements', async () => {
    await logIn();
    await page.getByRole('link', { name: 'Experiences' }).click();
    await page.waitForURL(/\/experiences/);
    await page.getByText('No guides yet.').waitFor();
    expect(await page.getByText('No announcements yet.').textContent()).toContain('feature');
  });

  it("shows each guide's reach and goal, and each announcement's click-through and feature adoption, over the chosen window", async () => {
    const now = Date.now();
    const config = acmeOnboarding();
    // Published before the timeline, whatever today is.
    for (const a of config['announcements'] as Array<Record<string, unknown>>) a['published'] = new Date(now - 20 * dayMs).toISOString().slice(0, 10);
    await pushConfig(collector, keys, config);
    const sent = await fetch(`${collector.url}/v1/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ batch: seed(now) }),
    });
    expect(sent.status).toBe(200);
    await page.reload();
    await page.locator('table.experiences').first().waitFor();

    expect(await row('Guides', 'Create a project')).toEqual([
      'Create a project create-project',
      '3',
      '1 33% of starts',
      '2 67% completion rate',
      '1 33% dismissed',
      '2 67% of those who started Create your first project',
    ]);
    expect((await row('Guides', 'Reports in a minute')).at(-1)).toBe('No checklist item links to this guide');
    expect((await row('Guides', 'Add tasks')).slice(1, 3)).toEqual(['0', '0']);

    const automations = await row('Announcements', "What's new: Automations");
    expect(automations.slice(0, 4)).toEqual(["What's new: Automations Modal · automations", '4', '1 25% click-through', '1 25% dismissed']);
    expect(automations[4]).toContain('Saw it 2 50% of 4 who saw it of 4');
    expect(automations[4]).toContain('Did not 1 20% of 5 who did not see it of 5');
    expect(automations[4]).toContain('+30 pts');
    expect((await row('Announcements', 'Faster CSV exports')).at(-1)).toBe('Names no feature. Set its feature to compare adoption.');
    await page.screenshot({ path: `${shots}/experiences-view-viewport.png` });
    await page.screenshot({ path: `${shots}/experiences-view.png`, fullPage: true });

    // A week: the user who adopted 10 days after seeing it no longer counts.
    await page.getByLabel('Goal and adoption window').selectOption('7');
    await page.waitForURL(/days=7/);
    await page.getByRole('columnheader', { name: 'Feature used within 7 days' }).waitFor();
    const week = await row('Announcements', "What's new: Automations");
    expect(week[4]).toContain('Saw it 1 25%');
    expect(week[4]).toContain('+5 pts');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // On a tablet the tables scroll inside their frame; the page does not.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.locator('h2', { hasText: 'Announcements' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/experiences-view-tablet.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(problems.filter((p) => p.kind === 'pageerror' || /Content Security Policy/i.test(p.text))).toEqual([]);
  });
});

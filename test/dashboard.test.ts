import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsmUser, type AppKeys, type RunningCollector, type Sql } from '@waymark/collector';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.mjs';
import { pushConfig, startTestCollector } from './helpers/test-collector.js';
import { collectPageProblems, type PageProblem } from './helpers/console-errors.js';
import { acmeOnboarding } from './helpers/guidance-env.js';
import { linePixels } from './helpers/line-pixels.js';
import { pollUntil } from './helpers/poll.js';

// Screenshots are not committed (test/screenshots is not ignored), so they go to a temp dir.
const shots = join(tmpdir(), 'waymark-dashboard-screenshots');
const dayMs = 86_400_000;
const csm = { email: 'cy@vendor.test', password: 'correct horse battery staple' };

let sql: Sql;
let keys: AppKeys;
let collector: RunningCollector;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblem[];

/** Three accounts at different days, with users doing Acme's onboarding at different speeds. */
function seed(now: number): unknown[] {
  const batch: unknown[] = [];
  let n = 0;
  const id = () => `seed-${n++}`;
  const at = (day: number, start: number, hour = 10) => new Date(start + day * dayMs + hour * 3_600_000).toISOString();
  const accounts = [
    { groupId: 'northwind', name: 'Northwind', startDaysAgo: 40, seats: 10, csmOwner: 'cy@vendor.test', segment: 'mid-market', users: 6, pace: 1 },
    // Three users on two seats: seat activation reaches 150%.
    { groupId: 'initech', name: 'Initech', startDaysAgo: 25, seats: 2, csmOwner: 'cy@vendor.test', segment: 'smb', users: 3, pace: 0.3 },
    { groupId: 'globex', name: 'Globex', startDaysAgo: 9, seats: 5, csmOwner: 'lee@vendor.test', segment: 'smb', users: 1, pace: 0 },
  ];
  for (const a of accounts) {
    const start = Math.floor((now - a.startDaysAgo * dayMs) / dayMs) * dayMs;
    for (let u = 0; u < a.users; u++) {
      const userId = `${a.groupId}-u${u}`;
      batch.push({
        type: 'identify',
        messageId: id(),
        userId,
        timestamp: at(0, start),
        traits: { name: `${a.name} user ${u + 1}`, role: u === 0 ? 'admin' : 'member' },
      });
      batch.push({
        type: 'group',
        messageId: id(),
        userId,
        groupId: a.groupId,
        timestamp: at(0, start),
        traits: { name: a.name, createdAt: new Date(start).toISOString(), seats: a.seats, csmOwner: a.csmOwner, segment: a.segment },
      });
      const track = (event: string, day: number, properties: Record<string, unknown> = {}) =>
        batch.push({ type: 'track', messageId: id(), userId, event, properties, timestamp: at(day, start, 9 + (u % 8)), context: { groupId: a.groupId } });
      track('Project Created', 1 + u);
      if (a.pace === 0) continue;
      for (let t = 0; t < 3; t++) track('Task Added', 2 + u + t);
      if (u === 0) {
        track('Teammate Invited', 3);
        track('Teammate Invited', 4);
      }
      // Active on many days, thinning out for the slow account.
      for (let d = 5; d < a.startDaysAgo; d++) if ((d * (u + 1)) % Math.round(1 / a.pace + 1) === 0) track('Task Completed', d);
      if (a.pace === 1 && u < 3) for (let r = 0; r < 3; r++) track('Report Exported', a.startDaysAgo - 2, { format: 'csv' });
      track('Guide Started', 1 + u, { guide: 'create-project' });
      if (u % 2 === 0) track('Guide Completed', 1 + u, { guide: 'create-project' });
      else track('Guide Dismissed', 1 + u, { guide: 'create-project' });
    }
  }
  return batch;
}

async function admin<T>(path: string): Promise<T> {
  const res = await fetch(`${collector.url}/v1/admin/${path}`, { headers: { Authorization: `Bearer ${keys.secretKey}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const shot = async (name: string) => {
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // The real summariser on the real clock, every 300 ms instead of every 10 s.
  ({ sql, keys, collector } = await startTestCollector('Acme', { summariseEveryMs: 300, weeklyDigest: false }));
  await pushConfig(collector, keys, acmeOnboarding());
  const sent = await fetch(`${collector.url}/v1/batch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ batch: seed(Date.now()) }),
  });
  expect(sent.status).toBe(200);
  const portfolio = await pollUntil(
    () => admin<{ total: number }>('portfolio'),
    (p) => p.total === 3,
    30_000,
  );
  expect(portfolio.total).toBe(3);
  await createCsmUser(sql, { email: csm.email, name: 'Cy', role: 'csm', password: csm.password, apps: [keys.appId] }, Date.now());
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  page = await context.newPage();
  problems = collectPageProblems(page);
  console.log(`dashboard screenshots: ${shots}`);
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

describe('the CSM dashboard in Chromium', () => {
  it('is served at /dashboard with a strict CSP, and client routes fall back to index.html', async () => {
    const res = await fetch(`${collector.url}/dashboard`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<style|style=/);
    const deep = await fetch(`${collector.url}/dashboard/a/app_x/accounts/northwind`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    expect((await fetch(`${collector.url}/dashboard/missing.js`)).status).toBe(404);
    expect((await fetch(`${collector.url}/dashboard/app.js`)).headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses a wrong password, then throttles with the time to wait', async () => {
    await page.goto(`${collector.url}/dashboard`);
    await page.waitForURL(/\/dashboard\/login/);
    await shot('1-login');
    await page.getByLabel('Email').fill('nobody@vendor.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    for (let i = 0; i < 5; i++) {
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/v1/auth/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
    }
    await page
      .getByRole('alert')
      .filter({ hasText: /Too many attempts\. Try again in \d+ (seconds|minutes)\./ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    await shot('2-login-throttled');
  });

  it('logs in and shows the portfolio: sortable, filterable', async () => {
    await page.reload();
    await page.getByLabel('Email').fill(csm.email);
    await page.getByLabel('Password').fill(csm.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // One app: straight to its portfolio.
    await page.waitForURL(/\/dashboard\/a\/[^/]+\/portfolio/);
    const rows = page.locator('table.portfolio tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const text = await page.locator('table.portfolio').innerText();
    expect(text).toContain('Northwind');
    expect(text).toMatch(/Day 40 of 90|Day 41 of 90|Day 39 of 90/);
    // This app runs without identity verification: the dashboard says so, and how to turn it on.
    expect(await page.getByRole('note').innerText()).toMatch(/^Identity verification is off for .+ apps identity \S+ --require/s);
    await shot('3-portfolio');

    const dayHeader = page.locator('th', { has: page.getByRole('button', { name: /^Day/ }) });
    expect(await dayHeader.getAttribute('aria-sort')).toBe('none');
    await page.getByRole('button', { name: /^Day/ }).click();
    await page.waitForURL(/sort=day/);
    await expect.poll(() => dayHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => rows.first().locator('th').innerText()).toContain('Northwind');
    // Keyboard: the header button toggles the order with Enter.
    await page.getByRole('button', { name: /^Day/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dayHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => rows.first().locator('th').innerText()).toContain('Globex');

    // Why an account is flagged, in one line, and its lifecycle stage: Globex used the product on day 1
    // and nobody since.
    const globex = rows.filter({ hasText: 'Globex' });
    expect(await globex.locator('.why').innerText()).toMatch(/^Why: no one active for \d+ days$/);
    expect(await globex.locator('.stage').innerText()).toBe('At risk');
    // Chips most pressing first, each with its reason as tooltip; a healthy-enough account shows its driver instead of a why.
    expect(await globex.locator('.chip').first().innerText()).toBe('Went quiet');
    expect(await globex.locator('.chip').first().getAttribute('title')).toMatch(/^no one active for \d+ days; since /);
    expect(await page.locator('table.portfolio thead').innerText()).toContain('STAGE');
    expect(await page.getByLabel('Flag').locator('option').allInnerTexts()).toEqual([
      'Any',
      'Not started',
      'Went quiet',
      'Usage down',
      'Few seats active',
      'Milestone overdue',
      'Health falling',
      'Users stuck',
    ]);
    expect(await page.getByLabel('Stage').locator('option').allInnerTexts()).toEqual(['Any', 'Onboarding', 'Adopting', 'Adopted', 'At risk', 'Graduated']);
    await page.getByLabel('Flag').selectOption('went-quiet');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/flag=went-quiet/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('th').innerText()).toContain('Globex');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByLabel('Stage').selectOption('at-risk');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/stage=at-risk/);
    await expect.poll(async () => (await page.locator('table.portfolio tbody').innerText()).includes('Globex')).toBe(true);
    await expect.poll(async () => (await page.locator('table.portfolio tbody').innerText()).includes('Northwind')).toBe(false);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows.count()).toBe(3);

    await page.getByLabel('Segment').fill('smb');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows.count()).toBe(3);
  });

  it('exports the portfolio as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('portfolio.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'accountId,name,day,phase,stage,health,band,change7d,driver,reason,flags,owner,segment,seats,seatActivation,nextGoal,nextGoalDue,updatedAt',
    );
    expect(csv).toContain('northwind,Northwind');
  });

  it('opens an account: timeline, charts, health, flags, plan, users, gates', async () => {
    await page.getByRole('link', { name: 'Northwind' }).click();
    await page.waitForURL(/\/accounts\/northwind$/);
    await page.getByRole('heading', { name: 'Northwind', level: 1 }).waitFor();
    // Active users and seat activation, use against the usual level and seats in use, minutes per day, health.
    await page.locator('.uplot canvas').nth(3).waitFor();
    expect(await page.locator('.uplot').count()).toBe(4);
    expect(await page.locator('figure.chart figcaption').allInnerTexts()).toEqual([
      'Active users and seat activation by day',
      'Use against its usual level, and seats active in 28 days',
      'Minutes in product per day (last 28 days)',
      'Health by day',
    ]);
    const usage = page.locator('figure.chart', { hasText: 'Use against its usual level' });
    expect(await usage.locator('.u-legend').innerText()).toMatch(/use vs usual[\s\S]*seats active \(28 days\)[\s\S]*usual level/);
    const kpis = await page.locator('dl.kpis').innerText();
    expect(kpis).toMatch(/Seats active, 7 days\s+\d+ of 10 \(\d+%\)/);
    expect(kpis).toMatch(/Time in product\s+[\d.]+ min\/day/);
    expect(kpis).toMatch(/Seats active, 28 days\s+6 of 10 \(60%\)/);
    expect(kpis).toMatch(/min per active user-day|nobody active/);
    expect(await page.locator('.timeline-row').count()).toBe(4);
    await expect.poll(() => page.locator('table.users tbody tr').count()).toBe(6);
    // The flag history: open flags first with since when, then stretches that ended, each with its reason.
    // Power user was due on day 30 and reached on day 38: overdue from day 31 until day 38.
    const history = page.locator('section[aria-labelledby="h-flags"] .flag-history');
    expect(await history.locator('li').first().getAttribute('class')).toBe('flag-open');
    const cleared = history.locator('li.flag-cleared', { hasText: 'Milestone overdue: Power user' });
    expect(await cleared.innerText()).toMatch(
      /^Milestone overdue: Power user \w{3} \d+, \d{4} → \w{3} \d+, \d{4} \(7 days\) · Power user \d+ days? overdue \(due day 30\)$/,
    );
    await shot('4-account');
  });

  it('shows why an account is flagged, since when, and its stage', async () => {
    await page.goto(page.url().replace(/accounts\/northwind$/, 'accounts/globex'));
    await page.getByRole('heading', { name: 'Globex', level: 1 }).waitFor();
    expect(await page.locator('.account-head .stage').innerText()).toBe('At risk');
    const quiet = page.locator('section[aria-labelledby="h-flags"] li.flag-open').first();
    expect(await quiet.innerText()).toMatch(/^Went quiet since \w{3} \d+, \d{4} · no one active for \d+ days$/);
    expect(await page.locator('.health-big').innerText()).toMatch(/Top driver: Went quiet \(no one active for \d+ days\)/);
    await shot('4b-account-quiet');
    await page.goBack();
    await page.getByRole('heading', { name: 'Northwind', level: 1 }).waitFor();
  });

  it('keeps seat activation over 100% inside its axis, with the true value in the legend', async () => {
    // Initech has three users on two seats: 150% from day 3 on.
    const northwind = page.url();
    await page.goto(northwind.replace(/accounts\/northwind$/, 'accounts/initech'));
    try {
      await page.getByRole('heading', { name: 'Initech', level: 1 }).waitFor();
      const purple: [number, number, number] = [0x93, 0x33, 0xea];
      for (const caption of ['Active users and seat activation by day', 'Use against its usual level, and seats active in 28 days']) {
        const figure = page.locator('figure.chart', { hasText: caption });
        await figure.locator('.uplot canvas').waitFor();
        // The latest days (at 150%) are drawn inside the plot, and nothing of the line lies outside it.
        const pixels = await pollUntil(
          () => linePixels(figure, purple),
          (p) => p.insideRight > 50,
          5_000,
        );
        expect(pixels.insideRight, caption).toBeGreaterThan(50);
        expect(pixels.outside, caption).toBe(0);
      }
      const activity = page.locator('figure.chart', { hasText: 'Active users and seat activation by day' });
      await activity.scrollIntoViewIfNeeded();
      const plot = (await activity.locator('.u-over').boundingBox())!;
      await page.mouse.move(plot.x + plot.width - 1, plot.y + plot.height / 2);
      await expect.poll(() => activity.locator('.u-series', { hasText: 'seat activation' }).locator('.u-value').innerText()).toBe('150%');
      expect(await page.locator('dl.kpis').innerText()).toMatch(/Seat activation \(ever\)\s+150%/);
      await shot('4c-account-over-seats');
    } finally {
      // The tests after this one work on Northwind.
      await page.goto(northwind);
      await page.getByRole('heading', { name: 'Northwind', level: 1 }).waitFor();
    }
  });

  it('overrides a gate for the account, and shows who did it in the log', async () => {
    const gate = page.locator('li.gate[data-gate="reports.advanced"]');
    await gate.getByRole('button', { name: 'Unlock' }).click();
    await gate.locator('.pill', { hasText: 'Unlocked' }).waitFor();
    await gate.locator('table.log tbody tr', { hasText: csm.email }).waitFor();
    expect(await gate.locator('table.log tbody tr').first().innerText()).toContain('No override → Unlocked');
    const stored = await admin<{ overrides: Array<{ subjectId: string; state: string; by: string }> }>('gates/reports.advanced/overrides');
    expect(stored.overrides).toEqual([expect.objectContaining({ subjectId: 'northwind', state: 'unlock', by: csm.email })]);
    await gate.scrollIntoViewIfNeeded();
    await shot('5-account-gate-overridden');
  });

  it('edits the success plan', async () => {
    // Acme's config has no default plan, so the account starts with none: add a goal.
    await page.getByRole('button', { name: 'Edit plan' }).click();
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByLabel('Goal 1 milestone').selectOption('team-formed');
    await page.getByLabel('Goal 1 due day').fill('21');
    await page.getByLabel('Goal 1 owner').fill('cy@vendor.test');
    await page.getByLabel('Goal 1 note').fill('Kick-off call booked');
    await shot('6-plan-editing');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText(`Edited by ${csm.email}`).waitFor();
    const plan = await admin<{ source: string; goals: Array<{ dueDay: number; note?: string }> }>('accounts/northwind/plan');
    expect(plan.source).toBe('account');
    expect(plan.goals).toEqual([expect.objectContaining({ milestone: 'team-formed', dueDay: 21, owner: 'cy@vendor.test', note: 'Kick-off call booked' })]);
    await page.locator('table.plan tbody tr', { hasText: 'Team formed' }).waitFor();
    await page.locator('#h-plan').scrollIntoViewIfNeeded();
    await shot('6b-plan-saved');
  });

  it('shows cohort curves and funnels', async () => {
    await page.getByRole('link', { name: 'Cohorts' }).click();
    await page.waitForURL(/\/cohorts/);
    await page.locator('.uplot canvas').first().waitFor();
    await page.getByLabel('Milestone').selectOption('team-formed');
    await page.waitForURL(/milestone=team-formed/);
    await page.locator('.uplot canvas').first().waitFor();
    await shot('7-cohorts');
    await page.getByRole('link', { name: 'Funnels' }).click();
    await page.getByRole('heading', { name: 'Guides' }).waitFor();
    await page.locator('table.bars').first().waitFor();
    await shot('8-funnels');
  });

  it('fits a tablet (768 px)', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.locator('table.portfolio tbody tr').first().waitFor();
    await shot('9-portfolio-tablet');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Initech' }).click();
    await page.locator('.uplot canvas').nth(1).waitFor();
    await shot('10-account-tablet');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('logs out; the session no longer opens the admin API', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/dashboard\/login/);
    const res = await page.request.get(`${collector.url}/v1/admin/portfolio?appId=${keys.appId}`);
    expect(res.status()).toBe(401);
    // The cookie is gone, so the admin API sees no credentials at all.
    expect(['not_logged_in', 'missing_key']).toContain(((await res.json()) as { error: { code: string } }).error.code);
    await page.goto(`${collector.url}/dashboard/a/${keys.appId}/portfolio`);
    await page.waitForURL(/\/dashboard\/login/);
    // No script or style was refused by the CSP, and nothing threw.
    expect(problems.filter((p) => p.kind === 'pageerror' || /Content Security Policy/i.test(p.text))).toEqual([]);
  });
});

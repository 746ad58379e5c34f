import { startAcme } from '@waymark/example-acme';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.mjs';
import { collectPageProblems, type PageProblem } from './helpers/console-errors.js';
import { unusedPort } from './helpers/unused-port.js';

const PUBLIC_KEY = 'pk_test_acme';

type QueuedCall = [string, ...unknown[]];

describe('Acme Projects demo in Chromium', () => {
  let acme: Awaited<ReturnType<typeof startAcme>>;
  let collectorUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let problems: PageProblem[];

  beforeAll(async () => {
    // Nothing listens here: the SDK script fails to load and the stub keeps every call.
    collectorUrl = `http://127.0.0.1:${await unusedPort()}`;
    acme = await startAcme({ port: 0, collectorUrl, publicKey: PUBLIC_KEY });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await acme?.close();
  });

  afterEach(async () => {
    await context?.close();
    // The only error allowed is the SDK script that cannot load from the absent collector.
    expect(problems.filter((problem) => !problem.url.startsWith(`${collectorUrl}/sdk/waymark.js`))).toEqual([]);
  });

  async function newPage(): Promise<Page> {
    context = await browser.newContext();
    const page = await context.newPage();
    problems = collectPageProblems(page);
    return page;
  }

  async function signIn(page: Page, userId = 'usr_dana_ortiz'): Promise<void> {
    await page.goto(`${acme.url}/login.html`);
    await page.check(`input[name="user"][value="${userId}"]`);
    await Promise.all([page.waitForURL(`${acme.url}/app/projects`), page.click('[data-waymark-anchor="login-submit"]')]);
    await page.waitForSelector('body.ready');
  }

  function queue(page: Page): Promise<QueuedCall[]> {
    return page.evaluate(() => {
      const waymark = (window as unknown as { waymark?: unknown }).waymark;
      if (!Array.isArray(waymark)) throw new Error('window.waymark is not the stub queue');
      return JSON.parse(JSON.stringify(waymark)) as QueuedCall[];
    });
  }

  async function tracked(page: Page): Promise<string[]> {
    return (await queue(page)).filter((call) => call[0] === 'track').map((call) => String(call[1]));
  }

  function setMarker(page: Page): Promise<void> {
    return page.evaluate(() => {
      (window as unknown as { acmeMarker?: string }).acmeMarker = 'still here';
    });
  }

  function readMarker(page: Page): Promise<string | undefined> {
    return page.evaluate(() => (window as unknown as { acmeMarker?: string }).acmeMarker);
  }

  it('serves pages with the strict CSP and the script tag filled in at request time', async () => {
    problems = [];
    const csp =
      `default-src 'self'; script-src 'self' ${collectorUrl}; connect-src 'self' ${collectorUrl}; ` +
      "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
    for (const path of ['/login.html', '/app/', '/app/projects/whatever', '/app/no-such-screen']) {
      const response = await fetch(`${acme.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe(csp);
      const html = await response.text();
      expect(html).toContain(`<script async src="${collectorUrl}/sdk/waymark.js" data-key="${PUBLIC_KEY}"></script>`);
      expect(html).not.toMatch(/<script>|<style|style="/);
    }
    const root = await fetch(`${acme.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/login.html');
    const script = await fetch(`${acme.url}/assets/app.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${acme.url}/assets/%2e%2e/server.js`)).status).toBe(404);
    expect((await fetch(`${acme.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${acme.url}/login.html`, { method: 'POST' })).status).toBe(405);
  });

  it('signs in through the login form with a full page load, then identifies user and account', async () => {
    const page = await newPage();
    await page.goto(`${acme.url}/login.html`);
    expect(await page.title()).toBe('Sign in · Acme Projects');
    await setMarker(page);
    await page.check('input[name="user"][value="usr_dana_ortiz"]');
    await Promise.all([page.waitForURL(`${acme.url}/app/projects`), page.click('[data-waymark-anchor="login-submit"]')]);
    await page.waitForSelector('body.ready');
    expect(await readMarker(page)).toBeUndefined();
    expect(await page.textContent('#account-name')).toBe('Northwind Logistics');
    expect(await page.textContent('#user-name')).toBe('Dana Ortiz');
    expect(await page.getAttribute('[data-nav="projects"]', 'aria-current')).toBe('page');

    const calls = await queue(page);
    const identify = calls.find((call) => call[0] === 'identify');
    expect(identify).toEqual([
      'identify',
      'usr_dana_ortiz',
      { name: 'Dana Ortiz', email: 'dana.ortiz@northwind.example', role: 'admin', createdAt: expect.any(String) },
    ]);
    const group = calls.find((call) => call[0] === 'group');
    expect(group).toEqual(['group', 'acct_northwind', { name: 'Northwind Logistics', plan: 'business', seats: 40, createdAt: expect.any(String) }]);
    expect(calls.some((call) => call[0] === 'page')).toBe(true);
  });

  it('creates a project and moves between screens with the History API, back button included', async () => {
    const page = await newPage();
    await signIn(page);
    expect(await page.textContent('[data-waymark-anchor="projects-empty"]')).toContain('No projects yet');
    expect(await page.isVisible('[data-waymark-anchor="new-project-form"]')).toBe(false);
    await page.click('[data-waymark-anchor="new-project-button"]');
    await page.fill('[data-waymark-anchor="new-project-name"]', 'Q3 warehouse rollout');
    await Promise.all([page.waitForURL(/\/app\/projects\/prj_/), page.click('[data-waymark-anchor="create-project-submit"]')]);
    expect(await page.textContent('h1')).toBe('Q3 warehouse rollout');
    const projectUrl = page.url();
    await setMarker(page);

    await page.fill('[data-waymark-anchor="add-task-input"]', 'Book forklift training');
    await page.click('[data-waymark-anchor="add-task-button"]');
    await page.waitForSelector('.task-list >> text=Book forklift training');

    await page.click('[data-waymark-anchor="nav-team"]');
    await page.waitForURL(`${acme.url}/app/team`);
    expect(await page.textContent('h1')).toBe('Team');
    await page.fill('[data-waymark-anchor="invite-email-input"]', 'sam.rivera@northwind.example');
    await page.click('[data-waymark-anchor="invite-button"]');
    await page.waitForSelector('text=Invitation sent to sam.rivera@northwind.example.');

    await page.click('[data-waymark-anchor="nav-reports"]');
    await page.waitForURL(`${acme.url}/app/reports`);
    expect(await page.getAttribute('[data-waymark-anchor="advanced-reports"]', 'data-waymark-feature')).toBe('reports.advanced');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-waymark-feature="reports.export"]')]);
    expect(download.suggestedFilename()).toMatch(/^acme-report-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await readMarker(page)).toBe('still here');
    expect(await page.title()).toBe('Reports · Acme Projects');

    await page.goBack();
    await page.waitForURL(`${acme.url}/app/team`);
    expect(await page.textContent('h1')).toBe('Team');
    await page.goBack();
    await page.waitForURL(projectUrl);
    expect(await page.textContent('h1')).toBe('Q3 warehouse rollout');
    await page.goForward();
    await page.waitForURL(`${acme.url}/app/team`);
    expect(await readMarker(page)).toBe('still here');

    await page.click('[data-waymark-anchor="nav-projects"]');
    await page.waitForURL(`${acme.url}/app/projects`);
    expect(await page.textContent('[data-waymark-anchor="projects-table"]')).toContain('Q3 warehouse rollout');

    expect(await tracked(page)).toEqual(['Project Created', 'Task Added', 'Teammate Invited', 'Report Exported']);
    const created = (await queue(page)).find((call) => call[1] === 'Project Created');
    expect(created?.[2]).toEqual({ projectId: projectUrl.split('/').pop() });
  });

  it('switches settings tabs through location.hash and saves settings', async () => {
    const page = await newPage();
    await signIn(page);
    await page.click('[data-waymark-anchor="nav-settings"]');
    await page.waitForURL(`${acme.url}/app/settings`);
    await setMarker(page);
    await page.evaluate(() => {
      const w = window as unknown as { hashChanges: number };
      w.hashChanges = 0;
      window.addEventListener('hashchange', () => (w.hashChanges += 1));
    });
    expect(await page.getAttribute('[data-tab="profile"]', 'aria-current')).toBe('page');

    await page.click('[data-waymark-anchor="settings-tab-notifications"]');
    await page.waitForURL(`${acme.url}/app/settings#notifications`);
    await page.waitForSelector('form[data-section="notifications"]');
    expect(await page.evaluate(() => (window as unknown as { hashChanges: number }).hashChanges)).toBe(1);
    await page.uncheck('[data-waymark-anchor="settings-weekly-digest"]');
    await page.click('[data-waymark-anchor="settings-save-notifications"]');
    await page.waitForSelector('text=Saved');

    await page.goBack();
    await page.waitForURL(`${acme.url}/app/settings`);
    await page.waitForSelector('form[data-section="profile"]');
    expect(await readMarker(page)).toBe('still here');
    expect(await tracked(page)).toEqual(['Settings Saved']);
    const saved = (await queue(page)).find((call) => call[1] === 'Settings Saved');
    expect(saved?.[2]).toEqual({ section: 'notifications' });

    await page.reload();
    await page.goto(`${acme.url}/app/settings#notifications`);
    expect(await page.isChecked('[data-waymark-anchor="settings-weekly-digest"]')).toBe(false);
  });

  it('keeps state across a reload and logs out to the login page', async () => {
    const page = await newPage();
    await signIn(page, 'usr_priya_shah');
    expect(await page.textContent('#account-name')).toBe('Initech Health');
    await page.click('[data-waymark-anchor="new-project-button"]');
    await page.fill('[data-waymark-anchor="new-project-name"]', 'Patient intake redesign');
    await Promise.all([page.waitForURL(/\/app\/projects\/prj_/), page.click('[data-waymark-anchor="create-project-submit"]')]);
    const projectUrl = page.url();

    await page.reload();
    await page.waitForSelector('body.ready');
    expect(page.url()).toBe(projectUrl);
    expect(await page.textContent('h1')).toBe('Patient intake redesign');
    const afterReload = await queue(page);
    expect(afterReload.map((call) => call[0])).toEqual(expect.arrayContaining(['identify', 'group', 'page']));

    // The page is gone after logout, so keep its queue where the next page can read it.
    await page.evaluate(() => {
      window.addEventListener('pagehide', () => sessionStorage.setItem('lastQueue', JSON.stringify((window as unknown as { waymark?: unknown }).waymark)));
    });
    await Promise.all([page.waitForURL(`${acme.url}/login.html`), page.click('[data-waymark-anchor="logout-button"]')]);
    const lastQueue = JSON.parse((await page.evaluate(() => sessionStorage.getItem('lastQueue'))) ?? '[]') as QueuedCall[];
    expect(lastQueue.at(-1)).toEqual(['reset']);

    await page.goto(`${acme.url}/app/projects`);
    await page.waitForURL(`${acme.url}/login.html`);

    await signIn(page, 'usr_priya_shah');
    expect(await page.textContent('[data-waymark-anchor="projects-table"]')).toContain('Patient intake redesign');
  });
});

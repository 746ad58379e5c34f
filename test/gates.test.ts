import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sdkReady, signIn } from './helpers/acme-flows.js';
import { callWaymark, flush, guidanceSuite } from './helpers/guidance-env.js';

// Acme's gates in Chromium: "Advanced reports" (disable) and "Automations" (teaser) stay locked
// until "Getting started" is done.
describe('gates', () => {
  const { env, open } = guidanceSuite();
  const advanced = '[data-waymark-gate="reports.advanced"]';
  const hint = (page: Page) => page.locator('[data-waymark-ui] .bub');
  const details = (page: Page) => page.locator('.advanced-details');
  const gateOf = (page: Page, key: string) => page.evaluate((k) => (window as unknown as { waymark: { gate(k: string): unknown } }).waymark.gate(k), key);
  const locked = (page: Page) => page.evaluate((sel) => document.querySelector(sel)?.getAttribute('aria-disabled'), advanced);
  // The first four items of "Getting started", tracked the way Acme's screens track them.
  const basics = async (page: Page) => {
    for (const [event, props] of [
      ['Project Created', { projectId: 'p1' }],
      ['Task Added', {}],
      ['Task Added', {}],
      ['Task Added', {}],
      ['Teammate Invited', { role: 'member' }],
      ['Settings Saved', { section: 'workspace' }],
    ] as const) {
      await callWaymark(page, 'track', event, props);
    }
  };
  const toReports = async (page: Page) => {
    await page.click('[data-waymark-anchor="nav-reports"]');
    await page.waitForSelector(advanced);
  };
  const secret = () => ({ Authorization: `Bearer ${env.keys.secretKey}`, 'Content-Type': 'application/json' });

  it('keeps a locked control from mouse and keyboard, says why, and shows a hint with progress', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_marcus_chen');
    await sdkReady(page);
    await toReports(page);
    await expect.poll(() => locked(page), { timeout: 10_000 }).toBe('true');
    // Screen readers hear why, through a description in the page.
    const describedBy = await page.getAttribute(advanced, 'aria-describedby');
    expect(await page.evaluate((id) => document.getElementById(id!)?.textContent, describedBy)).toMatch(
      /^Advanced reports is locked\. Still to do: Create your first project, /,
    );

    // force: Playwright will not click what says aria-disabled; a person can.
    await page.click(advanced, { force: true });
    await expect.poll(() => hint(page).count()).toBe(1);
    expect(await details(page).isHidden()).toBe(true);
    expect(await hint(page).locator('h2').textContent()).toBe('Advanced reports unlock after the basics');
    expect(await hint(page).textContent()).toContain('0 of 5 done');
    // The hint's button starts the guide of the first item left.
    expect(await hint(page).locator('button.p').textContent()).toBe('Show me how');
    await page.keyboard.press('Escape');
    await expect.poll(() => hint(page).count()).toBe(0);

    // Still reachable by keyboard, but Enter and Space do nothing but explain.
    await page.focus(advanced);
    await page.keyboard.press('Enter');
    await expect.poll(() => hint(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.focus(advanced);
    await page.keyboard.press(' ');
    expect(await details(page).isHidden()).toBe(true);
    expect(await gateOf(page, 'reports.advanced')).toMatchObject({ unlocked: false, reason: 'locked', locked: 'disable', progress: { done: 0, total: 5 } });

    // The teaser: the Automations link explains instead of navigating.
    await page.keyboard.press('Escape');
    await page.click('[data-waymark-anchor="nav-automations"]', { force: true });
    await expect.poll(() => hint(page).locator('h2').textContent()).toBe('Automations are almost yours');
    expect(page.url()).toBe(`${env.acme.url}/app/reports`);

    // A gated control the app renders later is locked too.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'late';
      b.dataset['waymarkGate'] = 'reports.advanced';
      b.textContent = 'Late';
      b.addEventListener('click', () => (b.dataset['used'] = 'yes'));
      document.querySelector('main')!.append(b);
    });
    await expect.poll(() => page.getAttribute('#late', 'aria-disabled')).toBe('true');
    await page.click('#late', { force: true });
    expect(await page.getAttribute('#late', 'data-used')).toBeNull();
    await flush(page);
    const events = await env.eventsUntil('usr_marcus_chen', (e) => e.filter((x) => x.event === 'Gate Blocked').length >= 4);
    expect(events.filter((e) => e.event === 'Gate Blocked').map((e) => e.properties['gate'])).toContain('automations');
  });

  it('unlocks live when the last item is done, celebrates once, and not again after a reload or on a second device', async () => {
    const page = await open();
    await signIn(page, env.acme.url, 'usr_dana_ortiz');
    await sdkReady(page);
    await basics(page);
    await toReports(page);
    await expect.poll(() => gateOf(page, 'reports.advanced').then((g) => (g as { progress?: unknown } | undefined)?.progress)).toEqual({ done: 4, total: 5 });
    const changes: unknown[] = [];
    await page.exposeFunction('gateChanged', (v: unknown) => changes.push(v));
    await page.evaluate(() =>
      (window as unknown as { waymark: { onGateChange(k: string, cb: (v: unknown) => void): () => void } }).waymark.onGateChange('reports.advanced', (v) =>
        (window as unknown as { gateChanged(v: unknown): void }).gateChanged(v),
      ),
    );

    // The last item, through Acme's own export button.
    await Promise.all([page.waitForEvent('download'), page.click('[data-waymark-anchor="export-csv-button"]')]);
    await expect.poll(() => locked(page)).toBeNull();
    // What the export earned is celebrated together, at once: one toast, the unlock among its lines.
    await expect
      .poll(() => page.locator('[data-waymark-ui] .toast > div').allTextContents(), { timeout: 1500 })
      .toContain('You unlocked Advanced reports, Automations!');
    expect(await page.locator('[data-waymark-ui] .toast').count()).toBe(1);
    expect(changes.at(-1)).toMatchObject({ key: 'reports.advanced', unlocked: true, reason: 'condition', todo: [] });
    expect(await page.evaluate(() => (window as unknown as { waymark: { isUnlocked(k: string): boolean } }).waymark.isUnlocked('automations'))).toBe(true);
    // The host app's own handler runs, exactly as it was.
    await page.click(advanced);
    await expect.poll(() => details(page).isVisible()).toBe(true);
    expect(await hint(page).count()).toBe(0);
    await flush(page);
    await env.eventsUntil('usr_dana_ortiz', (e) => e.filter((x) => x.event === 'Gate Unlocked').length === 2);

    await page.reload();
    await sdkReady(page);
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-waymark-ui] .toast').count()).toBe(0);

    const other = await open();
    await signIn(other, env.acme.url, 'usr_dana_ortiz');
    await sdkReady(other);
    await toReports(other);
    await expect.poll(() => gateOf(other, 'reports.advanced').then((g) => (g as { unlocked?: boolean } | undefined)?.unlocked)).toBe(true);
    await other.waitForTimeout(1000);
    expect(await other.locator('[data-waymark-ui] .toast').count()).toBe(0);
    await flush(other);
    expect(
      (await env.events('usr_dana_ortiz'))
        .filter((e) => e.event === 'Gate Unlocked')
        .map((e) => e.properties['gate'])
        .sort(),
    ).toEqual(['automations', 'reports.advanced']);
  });

  it('lets a CSM override unlock a gate, and agrees with GET /v1/gates on a table of users', async () => {
    const res = await fetch(`${env.collector.url}/v1/admin/gates/reports.advanced/overrides`, {
      method: 'PUT',
      headers: secret(),
      body: JSON.stringify({ userId: 'table_csm', state: 'unlock', by: 'csm@acme.example' }),
    });
    expect(res.status).toBe(200);
    const page = await open();
    await signIn(page, env.acme.url, 'usr_priya_shah');
    await sdkReady(page);
    await toReports(page);
    // Each row signs someone else in on the same page (identify), which loads their state.
    const rows: Array<[string, (g: Record<string, unknown>) => boolean]> = [
      ['table_fresh', (g) => (g['progress'] as { done: number }).done === 0],
      ['table_halfway', (g) => (g['progress'] as { done: number }).done === 4],
      ['table_csm', (g) => g['reason'] === 'override'],
    ];
    for (const [userId, settled] of rows) {
      await callWaymark(page, 'identify', userId);
      if (userId === 'table_halfway') await basics(page);
      await expect
        .poll(async () => settled(((await gateOf(page, 'reports.advanced')) ?? { progress: {} }) as Record<string, unknown>), { timeout: 10_000 })
        .toBe(true);
      await flush(page);
      const server = await (async () => {
        for (let i = 0; ; i++) {
          const body = (await (await fetch(`${env.collector.url}/v1/gates?userId=${userId}`, { headers: secret() })).json()) as {
            gates: Record<string, Record<string, unknown>>;
          };
          if (settled(body.gates['reports.advanced']!) || i > 50) return body.gates;
          await page.waitForTimeout(200);
        }
      })();
      for (const key of ['reports.advanced', 'automations']) {
        const browser = (await gateOf(page, key)) as Record<string, unknown>;
        const pick = (g: Record<string, unknown>) => ({
          unlocked: g['unlocked'],
          reason: g['reason'],
          locked: g['locked'],
          progress: g['progress'],
          todo: (g['todo'] as Array<{ item: string }>).map((t) => t.item),
        });
        expect(pick(browser), `${userId} ${key}`).toEqual(pick(server[key]!));
      }
    }
    // The override wins over the condition: the CSM's user may use the feature.
    expect(await gateOf(page, 'reports.advanced')).toMatchObject({
      unlocked: true,
      reason: 'override',
      todo: ['create-project', 'add-tasks', 'invite', 'workspace-settings', 'export-report'].map((item) => expect.objectContaining({ item })),
    });
    expect(await gateOf(page, 'automations')).toMatchObject({ unlocked: false, reason: 'locked' });
    await page.click(advanced);
    await expect.poll(() => details(page).isVisible()).toBe(true);
  });
});

import type { AppKeys, RunningCollector, Sql } from '@waymark/collector';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAcmeInChromium, type AcmeInChromium } from './helpers/acme-browser.js';
import { createProject, sdkReady, signIn } from './helpers/acme-flows.js';
import { startTestCollector } from './helpers/test-collector.js';
import { pollUntil } from './helpers/poll.js';
import { startSwitchableProxy, type SwitchableProxy } from './helpers/switchable-proxy.js';

interface Row {
  message_id: string;
  type: string;
  event: string | null;
  user_id: string | null;
  account_id: string | null;
  properties: Record<string, unknown> | null;
}

describe('the tracker in Chromium, against a real collector', () => {
  let sql: Sql;
  let keys: AppKeys;
  let collector: RunningCollector;
  let proxy: SwitchableProxy;
  let acme: AcmeInChromium;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ sql, keys, collector } = await startTestCollector());
    // The browser reaches the collector through a proxy that can cut the network to it.
    proxy = await startSwitchableProxy(collector.url);
    acme = await startAcmeInChromium(proxy.url, keys.publicKey);
  });
  afterAll(async () => {
    await acme?.close();
    await proxy?.close();
    await collector?.close();
  });
  afterEach(() => context?.close());

  const rows = async (userId: string): Promise<Row[]> =>
    (
      await sql.query<Row>('select message_id, type, event, user_id, account_id, properties from events where app_id = $1 and user_id = $2 order by ts', [
        keys.appId,
        userId,
      ])
    ).rows;

  it('serves the SDK from the collector and records a real session', async () => {
    context = await acme.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // No config is pushed here, so the SDK's GET /v1/config is answered 404 no_config, which
    // Chromium logs as a failed resource load: expected, and nothing else may fail.
    page.on('console', (m) => m.type() === 'error' && !m.location().url.includes('/v1/config?') && errors.push(m.text()));
    await signIn(page, acme.url);
    await sdkReady(page);
    const projectId = await createProject(page, acme.url, 'Q3 warehouse rollout');
    await page.click('[data-waymark-anchor="nav-team"]');
    await page.waitForURL(`${acme.url}/app/team`);
    await page.fill('[data-waymark-anchor="invite-email-input"]', 'sam@northwind.example');
    await page.click('[data-waymark-anchor="invite-button"]');
    await page.click('[data-waymark-anchor="nav-reports"]');
    await page.waitForURL(`${acme.url}/app/reports`);
    await Promise.all([page.waitForEvent('download'), page.click('[data-waymark-feature="reports.export"]')]);
    // A full page navigation (logout) sends what is queued with a beacon.
    await Promise.all([page.waitForURL(`${acme.url}/login.html`), page.click('[data-waymark-anchor="logout-button"]')]);

    const stored = await pollUntil(
      () => rows('usr_dana_ortiz'),
      (r) => r.some((x) => x.event === 'Report Exported'),
    );
    const tracks = stored.filter((r) => r.type === 'track').map((r) => (r.event === 'Feature Used' ? `Feature Used:${r.properties?.['feature']}` : r.event));
    expect(tracks).toEqual(
      expect.arrayContaining(['Project Created', 'Teammate Invited', 'Report Exported', 'Feature Used:reports.export', 'Feature Used:team.invite']),
    );
    expect(stored.find((r) => r.event === 'Project Created')).toMatchObject({ account_id: 'acct_northwind', properties: { projectId } });
    expect(stored.some((r) => r.type === 'identify')).toBe(true);
    expect(stored.some((r) => r.type === 'group' && r.account_id === 'acct_northwind')).toBe(true);
    const paths = stored.filter((r) => r.type === 'page').map((r) => r.properties?.['path']);
    expect(paths).toEqual(expect.arrayContaining(['/app/projects', `/app/projects/${projectId}`, '/app/team', '/app/reports']));
    // Each user action was recorded once.
    expect(tracks.filter((t) => t === 'Project Created')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('keeps working offline, across two reloads, and delivers every event exactly once when back', async () => {
    context = await acme.browser.newContext();
    const page = await context.newPage();
    await signIn(page, acme.url, 'usr_marcus_chen');
    await sdkReady(page);
    await page.evaluate(() => (window as unknown as { waymark: { flush(): Promise<void> } }).waymark.flush());
    const before = (await rows('usr_marcus_chen')).length;
    expect(before).toBeGreaterThan(0);

    // The network to the collector's ingest is lost: every send fails, fetch and beacons alike.
    proxy.cut(['/v1/batch']);
    const created = [await createProject(page, acme.url, 'Offline one')];
    await page.reload();
    await page.waitForSelector('body.ready');
    created.push(await createProject(page, acme.url, 'Offline two'));
    await page.reload();
    await page.waitForSelector('body.ready');
    await sdkReady(page);
    created.push(await createProject(page, acme.url, 'Offline three'));
    await page.evaluate(() => (window as unknown as { waymark: { flush(): Promise<void> } }).waymark.flush());
    expect(proxy.cutCount).toBeGreaterThan(0);
    const during = (await rows('usr_marcus_chen')).filter((r) => r.event === 'Project Created');
    expect(during).toHaveLength(0);

    // Back online: the queue kept in IndexedDB goes out.
    proxy.cut([]);
    await context.setOffline(true);
    await context.setOffline(false); // fires "online"
    const after = await pollUntil(
      () => rows('usr_marcus_chen'),
      (r) => r.filter((x) => x.event === 'Project Created').length >= 3,
    );
    // Give a duplicate sender time to show itself, then count again.
    await new Promise((r) => setTimeout(r, 3000));
    const final = await rows('usr_marcus_chen');
    const projects = final.filter((r) => r.event === 'Project Created').map((r) => r.properties?.['projectId']);
    expect(projects.sort()).toEqual([...created].sort());
    expect(after.length).toBeLessThanOrEqual(final.length);
    // Page views from both reloads were kept too (three loads of a project page or list).
    expect(final.filter((r) => r.type === 'page').length).toBeGreaterThanOrEqual(5);
    expect(new Set(final.map((r) => r.message_id)).size).toBe(final.length);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppKeys, RunningCollector, Sql } from '@waymark/collector';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.mjs';
import { startTestCollector } from './helpers/test-collector.js';
import { pollUntil } from './helpers/poll.js';
import { startSwitchableProxy, type SwitchableProxy } from './helpers/switchable-proxy.js';

// A tab closed right after track() while the collector is out of reach: the beacon fails and the
// IndexedDB write may not have committed. The events must reach the collector from the next page.
describe('events tracked just before a tab closes, with the collector unreachable', () => {
  let sql: Sql;
  let keys: AppKeys;
  let collector: RunningCollector;
  let proxy: SwitchableProxy;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ sql, keys, collector } = await startTestCollector('Unload'));
    proxy = await startSwitchableProxy(collector.url);
    // A host page with the script tag, everything through the proxy.
    const html = `<!doctype html><title>Host</title><p>Host page</p><script src="${proxy.url}/sdk/waymark.js" data-key="${keys.publicKey}" data-api="${proxy.url}"></script>`;
    site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => site?.close(r));
    await proxy?.close();
    await collector?.close();
  });

  it('loses none of 50 events tracked 0 ms before the tab closes, and stores each once', async () => {
    const trials = 50;
    const context = await browser.newContext();
    proxy.cut(['/v1/']);
    for (let i = 0; i < trials; i++) {
      const page = await context.newPage();
      await page.goto(siteUrl);
      await page.waitForFunction(() => typeof (window as unknown as { waymark?: { track?: unknown } }).waymark?.track === 'function');
      // Not awaited: the close follows the call at once, in the same order over the protocol.
      void page
        .evaluate((n) => (window as unknown as { waymark: { track(e: string, p: object): void } }).waymark.track('Closed Right After', { n }), i)
        .catch(() => undefined);
      await page.close();
    }
    expect(proxy.cutCount).toBeGreaterThan(0);
    // The collector is back; the next page of the site sends what the closed tabs left.
    proxy.cut([]);
    const page = await context.newPage();
    await page.goto(siteUrl);
    const count = async () =>
      (await sql.query<{ n: string }>("select properties->>'n' as n from events where app_id = $1 and event = 'Closed Right After'", [keys.appId])).rows.map(
        (r) => Number(r.n),
      );
    const stored = await pollUntil(count, (ns) => new Set(ns).size >= trials, 30_000, 250).catch(async () => count());
    const lost = Array.from({ length: trials }, (_, n) => n).filter((n) => !stored.includes(n));
    expect(lost, `lost ${lost.length} of ${trials}`).toEqual([]);
    expect(stored).toHaveLength(trials);
    await context.close();
    // Fifty page loads: about 30 s on an idle two-core machine, twice that when it is busy.
  }, 150_000);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startGuidanceEnv, type GuidanceEnv } from './guidance-env.js';
import { createPagePool, type PagePool } from './page-pool.js';

/** A small hash-routed app (home, reports, settings) with the script tag: what the experience tests drive. */
export const hashAppPage = (collector: string, key: string): string => `<!doctype html>
<html><head><title>Home · Ledger</title><style>body { font: 16px sans-serif; margin: 40px; } section { display: none; } section.on { display: block; }</style></head><body>
  <nav><a href="#/" data-waymark-anchor="nav-home">Home</a> <a href="#/reports" data-waymark-anchor="nav-reports">Reports</a> <a href="#/settings" data-waymark-anchor="nav-settings">Settings</a></nav>
  <section data-route="/"><h1>Home</h1><button data-waymark-anchor="new-entry">New entry</button></section>
  <section data-route="/reports"><h1>Reports</h1><button data-waymark-anchor="export">Export</button> <button data-waymark-anchor="share">Share</button></section>
  <section data-route="/settings"><h1>Settings</h1><label>Company name <input data-waymark-anchor="company" name="company"></label> <button data-waymark-anchor="save">Save</button></section>
  <script>
    function route() {
      var r = location.hash.replace(/^#/, '').replace(/\\?.*$/, '') || '/';
      document.querySelectorAll('section').forEach(function (s) { s.className = s.getAttribute('data-route') === r ? 'on' : ''; });
      document.title = (r === '/' ? 'Home' : r.slice(1).replace(/^./, function (c) { return c.toUpperCase(); })) + ' · Ledger';
    }
    route();
    addEventListener('hashchange', route);
  </script>
  <script src="${collector}/sdk/waymark.js" data-key="${key}"></script>
</body></html>`;

/** Serves the hash-routed app at `/`; returns its URL and a close function. */
export async function startHashSite(collector: string, key: string): Promise<{ url: string; close(): Promise<void> }> {
  const site: Server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hashAppPage(collector, key)));
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => site.close(() => r())),
  };
}

/**
 * The hooks of a test file driving the hash-routed app: a GuidanceEnv with `config` pushed and the
 * app in front of its collector before the tests, both closed after them, and pages in fresh
 * contexts, a test failing when it leaves an uncaught page error. Returns them, filled in once started.
 */
export function hashSiteSuite(config: unknown): { env: GuidanceEnv; site: { url: string }; pages: PagePool } {
  const env = {} as GuidanceEnv;
  const site: { url: string; close(): Promise<void> } = { url: '', close: async () => undefined };
  const pages = createPagePool(() => env.browser);
  beforeAll(async () => {
    Object.assign(env, await startGuidanceEnv(config));
    Object.assign(site, await startHashSite(env.collector.url, env.keys.publicKey));
  });
  afterAll(async () => {
    await site.close();
    await env.close?.();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });
  return { env, site, pages };
}

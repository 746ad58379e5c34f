import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, serveProcess, type ServeProcess } from '../packages/collector/test/run-collector.js';
import { startAcmeInChromium, type AcmeInChromium } from './helpers/acme-browser.js';
import { createProject, sdkReady, signIn } from './helpers/acme-flows.js';
import { pollUntil } from './helpers/poll.js';
import { unusedPort } from './helpers/unused-port.js';

interface StoredEvent {
  messageId: string;
  type: string;
  event: string | null;
  properties: Record<string, unknown> | null;
}

describe('the collector is killed (SIGKILL) mid-session and restarted', () => {
  let dir: string;
  let env: Record<string, string>;
  let keys: { appId: string; publicKey: string; secretKey: string };
  let server: ServeProcess | undefined;
  let acme: AcmeInChromium;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waymark-crash-'));
    env = { WAYMARK_DATA_DIR: dir, DATABASE_URL: '', PORT: String(await unusedPort()) };
    keys = JSON.parse(cli(['apps', 'create', '--name', 'Acme', '--origin', 'http://127.0.0.1:*', '--json'], env).stdout);
    server = await serveProcess(env);
    acme = await startAcmeInChromium(server.url, keys.publicKey);
  });
  afterAll(async () => {
    await context?.close();
    await acme?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async (url: string): Promise<StoredEvent[]> => {
    // All of the app's events: the login page's view is anonymous (before identify).
    const res = await fetch(`${url}/v1/admin/events?limit=1000`, { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    return ((await res.json()) as { events: StoredEvent[] }).events;
  };

  it('loses nothing acknowledged, and the SDK catches up exactly once', async () => {
    context = await acme.browser.newContext();
    const page = await context.newPage();
    // Every message id the collector acknowledged (accepted or duplicate) as the browser saw it.
    const acknowledged = new Set<string>();
    page.on('response', async (res) => {
      if (!res.url().endsWith('/v1/batch') || res.status() !== 200) return;
      const body = (await res.json().catch(() => undefined)) as { results?: Array<{ messageId: string; status: string }> } | undefined;
      for (const r of body?.results ?? []) if (r.status !== 'rejected') acknowledged.add(r.messageId);
    });
    await signIn(page, acme.url);
    await sdkReady(page);
    const created: string[] = [];
    for (let i = 0; i < 3; i++) created.push(await createProject(page, acme.url, `Before crash ${i}`));
    await page.evaluate(() => (window as unknown as { waymark: { flush(): Promise<void> } }).waymark.flush());
    expect(acknowledged.size).toBeGreaterThan(0);

    // Kill the collector while the user keeps clicking: no chance to finish anything.
    const clicking = (async () => {
      for (let i = 0; i < 4; i++) created.push(await createProject(page, acme.url, `During crash ${i}`));
    })();
    await new Promise((r) => setTimeout(r, 150));
    server!.child.kill('SIGKILL');
    await server!.exited;
    await clicking;
    for (let i = 0; i < 2; i++) created.push(await createProject(page, acme.url, `After crash ${i}`));

    // Same port, same data directory: the stale lock is taken over and the SDK's retries land.
    server = await serveProcess(env);
    const events = await pollUntil(
      () => stored(server!.url),
      (e) => e.filter((x) => x.event === 'Project Created').length >= created.length,
      45_000,
      500,
    );
    const ids = new Set(events.map((e) => e.messageId));
    const lost = [...acknowledged].filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
    const projects = events.filter((e) => e.event === 'Project Created').map((e) => e.properties?.['projectId']);
    expect(projects.sort()).toEqual([...created].sort());
    expect(ids.size).toBe(events.length);
  });
});

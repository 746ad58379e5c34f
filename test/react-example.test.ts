import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import notebookConfig from '../examples/react/waymark.config.js';
import { launchBrowser } from './helpers/browser.mjs';
import { pollUntil } from './helpers/poll.js';
import { pushConfig, startTestCollector, type TestCollector } from './helpers/test-collector.js';

// examples/react (Vite + @waymark/react, built from the packages' dist) against a real collector.
describe('the React example', () => {
  const root = fileURLToPath(new URL('../examples/react/', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'waymark-react-example-'));
  let backend: TestCollector;
  let server: PreviewServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    backend = await startTestCollector('Notebook');
    await pushConfig(backend.collector, backend.keys, notebookConfig);
    process.env['VITE_WAYMARK_API'] = backend.collector.url;
    process.env['VITE_WAYMARK_KEY'] = backend.keys.publicKey;
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
    url = server.resolvedUrls!.local[0]!;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await backend?.collector.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  const text = (page: Page, sel: string) => page.locator(sel).textContent({ timeout: 10_000 });
  const trackEvents = async () =>
    (
      await backend.sql.query<{ event: string }>(
        "select event from events where app_id = $1 and user_id = 'demo-user' and type = 'track' order by ts, received_at",
        [backend.keys.appId],
      )
    ).rows.map((r) => r.event);

  it('shows the checklist card and the locked export from the hooks, and unlocks it as the user does the steps', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);

    // useChecklist: the app's own card, from what the SDK's UI evaluated.
    await expect.poll(() => text(page, '.first-steps h2'), { timeout: 15_000 }).toBe('First steps: 0 of 2 done');
    // <Gate>: the SDK locks the marked button and says why; useGate: what is left.
    const exportButton = page.locator('button.export');
    expect(await exportButton.getAttribute('data-waymark-gate')).toBe('notes.export');
    await expect.poll(() => exportButton.getAttribute('aria-disabled')).toBe('true');
    expect(await text(page, '.export-status')).toBe('Export unlocks after: Write your first note, Invite a teammate (0 of 2 done)');
    // Pressed while locked (a person can, Playwright would refuse aria-disabled), it shows Waymark's hint.
    await exportButton.click({ force: true });
    await expect.poll(() => page.locator('[data-waymark-ui] .bub h2').textContent()).toBe('Export unlocks after your first steps');
    expect(await page.locator('.exported').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(tmpdir(), 'waymark-react-example-locked.png') });

    await page.click('button.add-note');
    await expect.poll(() => text(page, '.first-steps h2')).toBe('First steps: 1 of 2 done');
    expect(await text(page, '.export-status')).toBe('Export unlocks after: Invite a teammate (1 of 2 done)');
    await page.click('button.invite');
    await expect.poll(() => text(page, '.first-steps h2')).toBe('First steps: 2 of 2 done');
    await expect.poll(() => text(page, '.export-status')).toBe('Export is unlocked.');
    // React's development build (the build inherits vitest's NODE_ENV) starts, destroys and restarts the
    // tracker under StrictMode: one UI is mounted, not one per start.
    expect(await page.locator('[data-waymark-ui]').count()).toBe(1);
    await expect.poll(() => exportButton.getAttribute('aria-disabled')).toBe(null);
    await exportButton.click();
    expect(await text(page, '.exported')).toBe('Exported 1 note.');
    await page.screenshot({ path: join(tmpdir(), 'waymark-react-example-unlocked.png') });

    // useTrack's events reached the collector, for the user identified through useWaymark.
    const events = await pollUntil(trackEvents, (e) => e.includes('Notes Exported'), 20_000);
    expect(events).toEqual(expect.arrayContaining(['Note Created', 'Teammate Invited', 'Notes Exported']));
    expect(errors).toEqual([]);

    // Reloaded, the card and the gate come from what the SDK stored: no locked flash.
    await page.reload();
    await expect.poll(() => text(page, '.export-status')).toBe('Export is unlocked.');
    expect(await exportButton.getAttribute('aria-disabled')).toBe(null);
    await context.close();
  });
});

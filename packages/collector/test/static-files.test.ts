import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { backends, type TestDatabase } from './backends.js';
import { collectorApp, readJson } from './fixtures.js';

describe('the SDK and dashboard files', () => {
  let db: TestDatabase;
  let dir: string;
  let app: ReturnType<typeof collectorApp>;
  beforeAll(async () => {
    db = await backends[0]!.open();
    dir = mkdtempSync(join(tmpdir(), 'waymark-static-'));
    writeFileSync(join(dir, 'waymark.js'), 'console.log("waymark")');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Waymark</title>');
    writeFileSync(join(dir, 'app.css'), 'body{}');
    app = collectorApp({ sql: db.sql, log: silentLogger, sdkDir: dir, dashboardDir: dir });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('serves an SDK file with an ETag, 304 when it has not changed, 404 for others', async () => {
    const res = await app.request('/sdk/waymark.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log("waymark")');
    expect((await app.request('/sdk/waymark.js', { headers: { 'If-None-Match': res.headers.get('etag')! } })).status).toBe(304);
    const missing = await app.request('/sdk/nothing.js');
    expect(missing.status).toBe(404);
    expect((await readJson(missing)).error.code).toBe('not_found');
  });

  it('serves the dashboard, its files, and index.html for client routes', async () => {
    const index = await app.request('/dashboard');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await app.request('/dashboard', { headers: { 'If-None-Match': index.headers.get('etag')! } })).status).toBe(304);
    // With the slash (where the dashboard's logo links), the same page.
    const slash = await app.request('/dashboard/');
    expect(slash.status).toBe(200);
    expect(slash.headers.get('etag')).toBe(index.headers.get('etag'));
    expect(await slash.text()).toContain('<title>Waymark</title>');
    const css = await app.request('/dashboard/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const route = await app.request('/dashboard/accounts/acme');
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await route.text()).toContain('<title>Waymark</title>');
    expect((await app.request('/dashboard/app.js')).status).toBe(404);
  });
});

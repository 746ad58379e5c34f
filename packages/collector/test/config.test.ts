import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxConfigBytes } from '@waymark/core';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { backends } from './backends.js';
import { openTestApp, origin, type TestApp } from './test-app.js';
import { readJson } from './fixtures.js';
import { badConfig, onboardingConfig } from './onboarding-config.js';

describe.each(backends)('config versions on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  let other: AppKeys;

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { keyCacheMs: 0 }));
    other = await createApp(db.sql, { name: 'Other', origins: ['*'] });
  });
  afterAll(() => db.drop());

  const admin = (key = keys.secretKey) => ({ Authorization: `Bearer ${key}` });
  const put = (body: unknown, query = '', key = keys.secretKey) =>
    app.request(`/v1/admin/config${query}`, {
      method: 'PUT',
      headers: { ...admin(key), 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const sdkGet = (headers: Record<string, string> = {}, key = keys.publicKey) =>
    app.request(`/v1/config?key=${key}`, { headers: { Origin: origin, ...headers } });

  it('answers 404 no_config before anything is pushed, with CORS for the allowed origin', async () => {
    const res = await sdkGet();
    expect(res.status).toBe(404);
    expect((await readJson(res)).error.code).toBe('no_config');
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect((await readJson(await app.request('/v1/admin/config', { headers: admin() }))).error.code).toBe('no_config');
  });

  it('pushes a config as version 1, and an identical document (other key order and spacing) keeps it', async () => {
    const first = await put(onboardingConfig, '?note=first');
    expect(first.status).toBe(201);
    const v1 = await readJson(first);
    expect(v1).toEqual({ version: 1, etag: expect.stringMatching(/^"v1-[\w-]+"$/), created: true });
    const reordered = JSON.stringify(
      {
        guides: onboardingConfig.guides,
        checklists: onboardingConfig.checklists,
        milestones: onboardingConfig.milestones,
        features: onboardingConfig.features,
        version: 1,
      },
      null,
      2,
    );
    const same = await put(reordered);
    expect(same.status).toBe(200);
    expect(await readJson(same)).toEqual({ version: 1, etag: v1.etag, created: false });
  });

  it('rejects a bad config with every error at its exact path, and stores nothing', async () => {
    const res = await put(badConfig());
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.code).toBe('invalid_config');
    expect(body.error.field).toBe('checklists[0].items[2].guide');
    expect(body.error.errors).toEqual([{ path: 'checklists[0].items[2].guide', message: 'guide "invite-teammate" is not defined in guides' }]);
    const typo = await readJson(await put({ version: 1, features: [{ key: 'x', name: 'X', tier: 'gold' }] }));
    expect(typo.error.errors).toEqual([{ path: 'features[0].tier', message: 'must be "basic" or "advanced"' }]);
    expect((await readJson(await put('{"version": 1,'))).error.code).toBe('invalid_json');
    const versions = await readJson(await app.request('/v1/admin/config/versions', { headers: admin() }));
    expect(versions.versions).toHaveLength(1);
  });

  it('refuses bodies over the size limit with 413 config_too_large, and other content types', async () => {
    const huge = JSON.stringify({ version: 1, features: [{ key: 'x', name: 'X', tier: 'basic', description: 'y'.repeat(2 * maxConfigBytes) }] });
    const res = await put(huge);
    expect(res.status).toBe(413);
    expect((await readJson(res)).error.code).toBe('config_too_large');
    const text = await app.request('/v1/admin/config', { method: 'PUT', headers: { ...admin(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
  });

  it('needs the secret key for every admin config call', async () => {
    const res = await app.request('/v1/admin/config', { headers: { Authorization: `Bearer ${keys.publicKey}`, Origin: origin } });
    expect(res.status).toBe(401);
    expect((await readJson(res)).error.code).toBe('secret_key_required');
    expect((await put(onboardingConfig, '', 'sk_nope')).status).toBe(401);
  });

  it('serves the current config to the SDK with a strong ETag, 304 on If-None-Match, and cache headers', async () => {
    const res = await sdkGet();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('vary')).toContain('Origin');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"v1-/);
    const body = await readJson(res);
    expect(body.version).toBe(1);
    // Defaults are filled in, so the SDK needs no schema: a step without placement gets "auto".
    expect(body.config.guides[0].steps[0]).toMatchObject({ key: 'new', placement: 'auto', waitMs: 5000, onMissing: 'skip' });
    const again = await sdkGet({ 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe(origin);
    expect(await again.text()).toBe('');
    expect((await sdkGet({ 'If-None-Match': '"v0-stale"' })).status).toBe(200);
  });

  it('serves a config stored before a section existed with that section filled in', async () => {
    // As an older collector stored it: no announcements in the document or the validated config.
    const { rows } = await db.sql.query<{ source: string; config: string }>(
      'select source, config from app_configs where app_id = $1 order by version desc limit 1',
      [keys.appId],
    );
    const drop = (text: string) => {
      const doc = JSON.parse(text);
      delete doc.announcements;
      return JSON.stringify(doc);
    };
    await db.sql.query('update app_configs set source = $2::text, document = $2::jsonb, config = $3 where app_id = $1', [
      keys.appId,
      drop(rows[0]!.source),
      drop(rows[0]!.config),
    ]);
    const body = await readJson(await sdkGet());
    expect(body.config.announcements).toEqual([]);
    expect(body.config.guides[0].steps[0]).toMatchObject({ key: 'new', placement: 'auto' });
  });

  it('checks the browser origin like /v1/batch', async () => {
    const evil = await app.request(`/v1/config?key=${keys.publicKey}`, { headers: { Origin: 'https://evil.test' } });
    expect(evil.status).toBe(403);
    expect((await readJson(evil)).error.code).toBe('origin_not_allowed');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const none = await app.request(`/v1/config?key=${keys.publicKey}`);
    expect((await readJson(none)).error.code).toBe('origin_required');
    expect((await readJson(await app.request('/v1/config', { headers: { Origin: origin } }))).error.code).toBe('missing_key');
    // Another app's key reads that app's (absent) config, never this one.
    expect((await readJson(await sdkGet({}, other.publicKey))).error.code).toBe('no_config');
    // From a server, the secret key needs no origin.
    expect((await app.request('/v1/config', { headers: admin() })).status).toBe(200);
  });

  it('keeps a linear history: push v2, list, read any version as pushed, restore v1 as v3', async () => {
    const changed = structuredClone(onboardingConfig);
    changed.checklists[0]!.title = 'First steps';
    const v2 = await readJson(await put(changed, `?note=${encodeURIComponent('rename the checklist')}`));
    expect(v2.version).toBe(2);
    const current = await sdkGet();
    expect((await readJson(current)).config.checklists[0].title).toBe('First steps');
    const oldTag = (await readJson(await app.request('/v1/admin/config?version=1', { headers: admin() }))).etag;
    expect((await sdkGet({ 'If-None-Match': oldTag })).status).toBe(200);

    const pulled = await app.request('/v1/admin/config', { headers: admin() });
    const text = await pulled.text();
    expect(JSON.parse(text)).toMatchObject({ version: 2, note: 'rename the checklist', restoredFrom: null, config: changed });
    // As pushed: the author's key order, no defaults added.
    expect(text).toContain(`"config":${JSON.stringify(changed)}`);
    const v1 = JSON.parse(await (await app.request('/v1/admin/config?version=1', { headers: admin() })).text());
    expect(v1).toMatchObject({ version: 1, note: 'first', config: onboardingConfig });
    expect((await readJson(await app.request('/v1/admin/config?version=9', { headers: admin() }))).error).toMatchObject({
      code: 'version_not_found',
      field: 'version',
    });
    expect((await readJson(await app.request('/v1/admin/config?version=x', { headers: admin() }))).error).toMatchObject({
      code: 'invalid_query',
      field: 'version',
    });

    const restore = (body: unknown) =>
      app.request('/v1/admin/config/restore', { method: 'POST', headers: { ...admin(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const restored = await restore({ version: 1 });
    expect(restored.status).toBe(201);
    expect(await readJson(restored)).toMatchObject({ version: 3, restoredFrom: 1 });
    expect((await readJson(await restore({ version: 42 }))).error.code).toBe('version_not_found');
    expect((await readJson(await restore({ version: 'one' }))).error).toMatchObject({ code: 'invalid_body', field: 'version' });

    const list = (await readJson(await app.request('/v1/admin/config/versions', { headers: admin() }))).versions;
    expect(list.map((v: { version: number; restoredFrom: number | null; note: string }) => [v.version, v.restoredFrom, v.note])).toEqual([
      [3, 1, 'restored from version 1'],
      [2, null, 'rename the checklist'],
      [1, null, 'first'],
    ]);
    expect(list[0].etag).not.toBe(list[2].etag);
    const served = await sdkGet();
    expect(served.headers.get('etag')).toBe(list[0].etag);
    expect((await readJson(served)).config.checklists[0].title).toBe('Getting started');
    // Pushing v1's document again is a change from v3? No: v3 is v1's document, so it is kept.
    expect(await readJson(await put(onboardingConfig))).toMatchObject({ version: 3, created: false });
  });

  it('numbers concurrent pushes without gaps or clashes', async () => {
    const docs = [1, 2, 3, 4].map((n) => ({ ...onboardingConfig, features: [{ key: `f${n}`, name: `F${n}`, tier: 'basic' }] }));
    const results = await Promise.all(docs.map(async (d) => readJson(await put(d))));
    expect(results.map((r) => r.version).sort()).toEqual([4, 5, 6, 7]);
  });
});

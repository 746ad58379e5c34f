import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppLookup } from '../src/apps/app-lookup.js';
import { createApp, rotateKeys, type AppKeys } from '../src/apps/apps.js';
import { backends, type TestDatabase } from './backends.js';

describe.each(backends)('cached key lookup on $name', (backend) => {
  let db: TestDatabase;
  let keys: AppKeys;
  beforeAll(async () => {
    db = await backend.open();
    keys = await createApp(db.sql, { name: 'Acme', origins: [] });
  });
  afterAll(() => db.drop());

  it('keeps a rotated key working at most for the cache time, and learns new keys quickly', async () => {
    let clock = 0;
    const lookup = createAppLookup(db.sql, { ttlMs: 5000, now: () => clock });
    expect((await lookup(keys.secretKey))?.kind).toBe('secret');
    expect((await lookup(keys.publicKey))?.kind).toBe('public');
    const rotated = await rotateKeys(db.sql, keys.appId, 'both');
    clock = 4999;
    expect((await lookup(keys.secretKey))?.app.appId).toBe(keys.appId);
    clock = 5000;
    expect(await lookup(keys.secretKey)).toBeUndefined();
    expect(await lookup(keys.publicKey)).toBeUndefined();
    expect((await lookup(rotated.secretKey!))?.kind).toBe('secret');
    const later = await createApp(db.sql, { name: 'Later', origins: [] });
    expect(await lookup('sk_unknown')).toBeUndefined();
    expect((await lookup(later.secretKey))?.app.name).toBe('Later');
  });
});

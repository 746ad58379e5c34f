import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createApp, rotateKeys, setRequireUserHash, AppInputError } from '../src/apps/apps.js';
import { userHashFor } from '../src/apps/user-hash.js';
import { backends } from './backends.js';
import { openTestApp, origin, type TestApp } from './test-app.js';
import { post, readJson } from './fixtures.js';

describe.each(backends)('identity verification on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { keyCacheMs: 0 }));
    await setRequireUserHash(db.sql, keys.appId, true);
  });
  afterAll(() => db.drop());

  const state = (query: string) => app.request(`/v1/state?key=${keys.publicKey}&${query}`, { headers: { Origin: origin } });
  const track = (fields: Record<string, unknown>) => ({ type: 'track', messageId: randomUUID(), event: 'Project Created', ...fields });
  const send = (batch: unknown[], key = keys.publicKey) => app.request('/v1/batch', post({ writeKey: key, batch }, { Origin: origin }));

  it('shows the setting on the app', async () => {
    const res = await app.request('/v1/admin/app', { headers: { Authorization: `Bearer ${keys.secretKey}` } });
    expect(await readJson(res)).toMatchObject({ appId: keys.appId, requireUserHash: true });
    expect(JSON.stringify(await readJson(await app.request('/v1/admin/app', { headers: { Authorization: `Bearer ${keys.secretKey}` } })))).not.toContain(
      keys.secretKey,
    );
  });

  it('reads state only with the right userHash', async () => {
    const missing = await state('userId=dana');
    expect(missing.status).toBe(401);
    expect((await readJson(missing)).error).toMatchObject({ code: 'invalid_user_hash', field: 'userHash' });
    expect(missing.headers.get('access-control-allow-origin')).toBe(origin);
    const wrong = await state(`userId=dana&userHash=${userHashFor(keys.secretKey, 'marcus')}`);
    expect((await readJson(wrong)).error.code).toBe('invalid_user_hash');
    const right = await state(`userId=dana&userHash=${userHashFor(keys.secretKey, 'dana')}`);
    expect(right.status).toBe(200);
    expect((await state(`userId=dana&userHash=${userHashFor(keys.secretKey, 'dana').toUpperCase()}`)).status).toBe(200);
    // Guessing another user's id gets nothing without that user's hash.
    expect((await state(`userId=marcus&userHash=${userHashFor(keys.secretKey, 'dana')}`)).status).toBe(401);
    // Anonymous state needs no hash (an anonymousId is a random id only its device knows).
    expect((await state('anonymousId=device-1')).status).toBe(200);
    // Servers use the secret key and need no hash.
    expect((await app.request('/v1/admin/users/dana/state', { headers: { Authorization: `Bearer ${keys.secretKey}` } })).status).toBe(200);
  });

  it('refuses, per message, browser events whose userId is not verified, and never stores the hash', async () => {
    const good = track({ userId: 'dana', context: { userHash: userHashFor(keys.secretKey, 'dana'), groupId: 'northwind' } });
    const forged = track({ userId: 'marcus', context: { userHash: userHashFor(keys.secretKey, 'dana') } });
    const bare = track({ userId: 'marcus' });
    const anonymous = track({ anonymousId: 'device-1', context: { groupId: 'northwind' } });
    const anonymousGroup = { type: 'group', messageId: randomUUID(), anonymousId: 'device-1', groupId: 'northwind', traits: { seats: 99 } };
    const res = await send([good, forged, bare, anonymous, anonymousGroup]);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.results).toEqual([
      { messageId: good['messageId'], status: 'accepted' },
      {
        messageId: forged['messageId'],
        status: 'rejected',
        error: { field: 'batch[1].context.userHash', reason: expect.stringContaining('does not match userId') },
      },
      { messageId: bare['messageId'], status: 'rejected', error: { field: 'batch[2].context.userHash', reason: expect.stringContaining('is required') } },
      { messageId: anonymous['messageId'], status: 'accepted' },
      { messageId: anonymousGroup['messageId'], status: 'rejected', error: { field: 'batch[4].userId', reason: expect.stringContaining('group calls') } },
    ]);
    const { rows } = await db.sql.query<{ message_id: string; account_id: string | null; context: Record<string, unknown> | null }>(
      'select message_id, account_id, context from events where app_id = $1 order by message_id',
      [keys.appId],
    );
    const byId = new Map(rows.map((r) => [r.message_id, r]));
    expect(byId.get(good['messageId'] as string)).toMatchObject({ account_id: 'northwind', context: { groupId: 'northwind' } });
    // An anonymous visitor cannot add to an account's counts.
    expect(byId.get(anonymous['messageId'] as string)!.account_id).toBeNull();
    expect(JSON.stringify(rows)).not.toContain(userHashFor(keys.secretKey, 'dana'));
    // The secret key (servers) is trusted without hashes.
    expect((await readJson(await send([track({ userId: 'marcus' })], keys.secretKey))).accepted).toBe(1);
  });

  it('follows a secret rotation: old hashes stop verifying, new ones work', async () => {
    const rotated = await rotateKeys(db.sql, keys.appId, 'secret');
    const old = userHashFor(keys.secretKey, 'dana');
    expect((await state(`userId=dana&userHash=${old}`)).status).toBe(401);
    expect((await state(`userId=dana&userHash=${userHashFor(rotated.secretKey!, 'dana')}`)).status).toBe(200);
    keys = { ...keys, secretKey: rotated.secretKey! };
  });

  it('can be turned off, and cannot be turned on without a stored secret', async () => {
    await setRequireUserHash(db.sql, keys.appId, false);
    expect((await state('userId=dana')).status).toBe(200);
    expect((await readJson(await send([track({ userId: 'marcus' })]))).accepted).toBe(1);
    // An app from before migration 2 has no stored secret.
    const legacy = await createApp(db.sql, { name: 'Legacy', origins: [] });
    await db.sql.query('update apps set secret_key = null where app_id = $1', [legacy.appId]);
    await expect(setRequireUserHash(db.sql, legacy.appId, true)).rejects.toThrow(AppInputError);
    await expect(setRequireUserHash(db.sql, legacy.appId, true)).rejects.toThrow(/rotate-keys/);
    await expect(setRequireUserHash(db.sql, 'app_missing', true)).rejects.toThrow(/no app with id/);
  });
});

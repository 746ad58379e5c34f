import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { userHashFor } from '../src/apps/user-hash.js';
import { silentLogger } from '../src/log.js';
import { backends, type TestDatabase } from './backends.js';
import { collectorApp, post, readJson } from './fixtures.js';

/** Enterprise reports unlock on the account's plan, as the product's server says it, not the browser. */
const config = {
  version: 1,
  features: [{ key: 'reports.enterprise', name: 'Enterprise reports', tier: 'advanced', events: ['Enterprise Report Viewed'] }],
  milestones: [],
  checklists: [
    { key: 'admins', title: 'For admins', audience: { trait: 'role', op: 'eq', value: 'admin' }, items: [{ key: 'a', title: 'A', done: { event: 'A' } }] },
  ],
  guides: [{ key: 'hello', title: 'Hello {{user.firstName | "there"}}', steps: [{ key: 's', title: 'Hi', body: 'Welcome' }] }],
  gates: [{ key: 'reports.enterprise', unlock: { trait: 'plan', op: 'eq', value: 'enterprise', scope: 'account', trusted: true } }],
};

describe.each(backends)('traits from trusted sources on $name', (backend) => {
  let db: TestDatabase;
  let keys: AppKeys;
  let app: ReturnType<typeof collectorApp>;
  const origin = 'https://app.acme.test';
  const secret = () => ({ Authorization: `Bearer ${keys.secretKey}` });
  const msg = (userId: string, type: string, fields: Record<string, unknown>) => ({
    type,
    messageId: randomUUID(),
    userId,
    timestamp: new Date().toISOString(),
    ...fields,
  });
  const fromBrowser = async (batch: unknown[]) => {
    const res = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch }, { Origin: origin }));
    expect(res.status).toBe(200);
  };
  const fromServer = async (batch: unknown[]) => {
    const res = await app.request('/v1/batch', post({ batch }, secret()));
    expect(res.status).toBe(200);
  };
  const state = async (query: string, headers: Record<string, string> = { Origin: origin }) =>
    readJson(await app.request(`/v1/state?key=${keys.publicKey}&${query}`, { headers }));
  const gate = async (userId: string) => (await readJson(await app.request(`/v1/gates?userId=${userId}`, { headers: secret() }))).gates['reports.enterprise'];

  beforeAll(async () => {
    db = await backend.open();
    keys = await createApp(db.sql, { name: 'Acme', origins: [origin] });
    app = collectorApp({ sql: db.sql, log: silentLogger });
    const res = await app.request('/v1/admin/config', {
      method: 'PUT',
      headers: { ...secret(), 'Content-Type': 'application/json' },
      body: JSON.stringify(config),
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => db.drop());

  it('a plan typed into the browser does not unlock a gate that needs a trusted plan; the server saying so does', async () => {
    await fromBrowser([
      msg('mallory', 'identify', { traits: { email: 'mallory@initech.test', role: 'admin', firstName: 'Mal' } }),
      msg('mallory', 'group', { groupId: 'initech', traits: { plan: 'enterprise', name: 'Initech' } }),
    ]);
    expect(await gate('mallory')).toMatchObject({ unlocked: false });
    await fromServer([msg('mallory', 'group', { groupId: 'initech', traits: { plan: 'starter' } })]);
    expect(await gate('mallory')).toMatchObject({ unlocked: false });
    // A later browser call cannot change the trusted value either.
    await fromBrowser([msg('mallory', 'group', { groupId: 'initech', traits: { plan: 'enterprise' } })]);
    expect(await gate('mallory')).toMatchObject({ unlocked: false });
    await fromServer([msg('mallory', 'group', { groupId: 'initech', traits: { plan: 'enterprise' } })]);
    expect(await gate('mallory')).toMatchObject({ unlocked: true });
  });

  it('an identify verified by the user hash is trusted, even when the app does not require it', async () => {
    await fromBrowser([
      { ...msg('verified', 'group', { groupId: 'globex', traits: { plan: 'enterprise' } }), context: { userHash: userHashFor(keys.secretKey, 'verified') } },
    ]);
    expect(await gate('verified')).toMatchObject({ unlocked: true });
    await fromBrowser([{ ...msg('forged', 'group', { groupId: 'hooli', traits: { plan: 'enterprise' } }), context: { userHash: 'ab'.repeat(32) } }]);
    expect(await gate('forged')).toMatchObject({ unlocked: false });
  });

  it('without verification the state serves only the traits the config reads; with it, all of them', async () => {
    const open = await state('userId=mallory');
    expect(open.snapshot.user.traits).toEqual({ role: 'admin', firstName: 'Mal' });
    expect(open.snapshot.account.traits).toEqual({ plan: 'enterprise' });
    expect(open.snapshot.account.trustedTraits).toEqual({ plan: 'enterprise' });
    expect(JSON.stringify(open)).not.toContain('mallory@initech.test');
    expect(JSON.stringify(open)).not.toContain('Initech');

    const hashed = await state(`userId=mallory&userHash=${userHashFor(keys.secretKey, 'mallory')}`);
    expect(hashed.snapshot.user.traits).toMatchObject({ email: 'mallory@initech.test' });
    expect(hashed.snapshot.account.traits).toMatchObject({ name: 'Initech', plan: 'enterprise' });
    const wrongHash = await state(`userId=mallory&userHash=${'cd'.repeat(32)}`);
    expect(wrongHash.snapshot.user.traits).toEqual({ role: 'admin', firstName: 'Mal' });
    const server = await readJson(await app.request('/v1/state?userId=mallory', { headers: secret() }));
    expect(server.snapshot.user.traits).toMatchObject({ email: 'mallory@initech.test' });
  });
});

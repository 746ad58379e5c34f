import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { createCsmUser } from '../src/auth/csm-users.js';
import { backends, type TestDatabase } from './backends.js';
import { readJson, collectorApp } from './fixtures.js';
import { onboardingConfig } from './onboarding-config.js';

const minute = 60_000;
const hour = 60 * minute;
const gatedConfig = {
  ...onboardingConfig,
  features: [...onboardingConfig.features, { key: 'reports.advanced', name: 'Advanced reports', tier: 'advanced', events: ['Advanced Report Viewed'] }],
  gates: [{ key: 'reports.advanced', unlock: { checklist: 'getting-started' } }],
};

/** The session cookie set by a response, as a Cookie request header value. */
function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const m = /waymark_session=([^;]*)/.exec(set);
  if (!m?.[1]) throw new Error(`no session cookie in "${set}"`);
  return `waymark_session=${m[1]}`;
}

describe.each(backends)('CSM accounts and sessions on $name', (backend) => {
  let db: TestDatabase;
  let acme: AppKeys;
  let globex: AppKeys;
  let app: ReturnType<typeof collectorApp>;
  let clock = Date.parse('2026-04-01T09:00:00.000Z');
  let ipCounter = 0;
  const admin = { email: 'ada@waymark.test', password: 'correct horse battery' };
  const csm = { email: 'cy@waymark.test', password: 'staple grown pony' };

  // Each test logs in from its own address, so the per-IP throttle of one test does not leak into another.
  const freshIp = () => `203.0.113.${++ipCounter}`;
  const login = (body: unknown, ip: string, headers: Record<string, string> = {}) =>
    app.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip, ...headers },
      body: JSON.stringify(body),
    });
  const session = async (who: { email: string; password: string }) => {
    const res = await login(who, freshIp());
    expect(res.status, await res.clone().text()).toBe(200);
    return cookieOf(res);
  };
  const send = (method: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    db = await backend.open();
    acme = await createApp(db.sql, { name: 'Acme', origins: ['*'] });
    globex = await createApp(db.sql, { name: 'Globex', origins: ['*'] });
    await createCsmUser(db.sql, { email: 'Ada@Waymark.test', name: 'Ada', role: 'admin', password: admin.password }, clock);
    await createCsmUser(db.sql, { email: csm.email, name: 'Cy', role: 'csm', password: csm.password, apps: [acme.appId] }, clock);
    app = collectorApp({ sql: db.sql, log: silentLogger, now: () => clock, trustProxy: true });
    const pushed = await app.request('/v1/admin/config', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${acme.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(gatedConfig),
    });
    expect(pushed.status).toBe(201);
  });
  afterAll(() => db.drop());

  it('logs in with a secure session cookie, says who is logged in, and logs out', async () => {
    const res = await login({ email: 'ADA@waymark.test', password: admin.password }, freshIp());
    expect(res.status).toBe(200);
    const body = await readJson(res);
    // Apps created in the same millisecond may come in either order.
    body.apps.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name));
    expect(body).toEqual({
      user: { email: 'ada@waymark.test', name: 'Ada', role: 'admin' },
      apps: [
        { appId: acme.appId, name: 'Acme', identityVerified: false },
        { appId: globex.appId, name: 'Globex', identityVerified: false },
      ],
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=604800/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = cookieOf(res);
    // Only the token's hash is stored.
    const { rows } = await db.sql.query<{ id: string }>('select id from csm_sessions');
    expect(rows.map((r) => r.id)).not.toContain(cookie.split('=')[1]);

    const me = await app.request('/v1/auth/me', { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect((await readJson(me)).user.email).toBe('ada@waymark.test');

    const out = await send('POST', '/v1/auth/logout', cookie);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/waymark_session=;.*Max-Age=0/);
    const after = await app.request('/v1/auth/me', { headers: { Cookie: cookie } });
    expect(after.status).toBe(401);
    expect((await readJson(after)).error.code).toBe('not_logged_in');
  });

  it('marks the cookie Secure over HTTPS (directly or behind a trusted proxy)', async () => {
    const direct = await app.request('https://collector.test/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://collector.test', 'X-Forwarded-For': freshIp() },
      body: JSON.stringify(csm),
    });
    expect(direct.status).toBe(200);
    expect(direct.headers.get('set-cookie')).toMatch(/Secure/);
    const proxied = await login(csm, freshIp(), { 'X-Forwarded-Proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers an unknown email and a wrong password alike', async () => {
    const ip = freshIp();
    const wrong = await login({ email: admin.email, password: 'not the password' }, ip);
    const unknown = await login({ email: 'nobody@waymark.test', password: 'not the password' }, ip);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toBe(await unknown.text());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('validates the login body, naming the field, and needs application/json', async () => {
    let res = await login({ email: admin.email }, freshIp());
    expect(res.status).toBe(400);
    expect((await readJson(res)).error).toMatchObject({ code: 'invalid_body', field: 'password' });
    res = await app.request('/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(admin) });
    expect(res.status).toBe(415);
  });

  it('throttles failed logins per email: 429 with Retry-After, even for the right password, until the window passes', async () => {
    const victim = { email: 'vic@waymark.test', password: 'a long enough password' };
    await createCsmUser(db.sql, { ...victim, name: 'Vic', role: 'csm' }, clock);
    for (let i = 0; i < 5; i++) {
      clock += minute;
      // Each guess from another address: the per-email limit holds regardless.
      expect((await login({ email: victim.email, password: `guess ${i}` }, freshIp())).status).toBe(401);
    }
    const blocked = await login(victim, freshIp());
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe(String(11 * 60));
    expect((await readJson(blocked)).error).toMatchObject({ code: 'too_many_attempts', retryAfter: 660 });
    // Other accounts are unaffected.
    expect((await login(csm, freshIp())).status).toBe(200);
    clock += 11 * minute;
    expect((await login(victim, freshIp())).status).toBe(200);
    // A success resets the email's count.
    for (let i = 0; i < 4; i++) expect((await login({ email: victim.email, password: 'nope nope nope' }, freshIp())).status).toBe(401);
    expect((await login(victim, freshIp())).status).toBe(200);
  });

  it('throttles failed logins per client IP (20 in 15 minutes)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await login({ email: `spray${i}@waymark.test`, password: 'password123456' }, ip)).status).toBe(401);
    const blocked = await login(admin, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);
    expect((await login(admin, freshIp())).status).toBe(200);
    clock += 15 * minute;
    expect((await login(admin, ip)).status).toBe(200);
  });

  it('ends sessions after 12 hours idle and 7 days at most', async () => {
    const idle = await session(csm);
    clock += 11 * hour;
    expect((await app.request('/v1/auth/me', { headers: { Cookie: idle } })).status).toBe(200);
    clock += 11 * hour;
    expect((await app.request('/v1/auth/me', { headers: { Cookie: idle } })).status).toBe(200);
    clock += 12 * hour + 1;
    expect((await app.request('/v1/auth/me', { headers: { Cookie: idle } })).status).toBe(401);

    const busy = await session(csm);
    const started = clock;
    while (clock + 6 * hour < started + 7 * 24 * hour) {
      clock += 6 * hour;
      expect((await app.request('/v1/auth/me', { headers: { Cookie: busy } })).status).toBe(200);
    }
    clock = started + 7 * 24 * hour;
    expect((await app.request('/v1/auth/me', { headers: { Cookie: busy } })).status).toBe(401);
    // An expired session, once found, is deleted.
    const id = createHash('sha256').update(busy.split('=')[1]!).digest('hex');
    expect((await db.sql.query('select 1 from csm_sessions where id = $1', [id])).rows).toHaveLength(0);
  });

  it('lets a CSM read the admin API of their apps only (404 for others), and an admin every app', async () => {
    const cy = await session(csm);
    const ada = await session(admin);
    const events = (cookie: string, appId?: string) => app.request(`/v1/admin/events${appId ? `?appId=${appId}` : ''}`, { headers: { Cookie: cookie } });
    expect((await events(cy, acme.appId)).status).toBe(200);
    const other = await events(cy, globex.appId);
    expect(other.status).toBe(404);
    const otherText = await other.text();
    expect(JSON.parse(otherText).error).toMatchObject({ code: 'app_not_found', field: 'appId' });
    // An app that does not exist looks the same.
    expect(await (await events(cy, 'app_nope')).text()).toBe(otherText.replace(globex.appId, 'app_nope'));
    expect((await readJson(await events(cy))).error.code).toBe('app_required');
    expect((await events(ada, globex.appId)).status).toBe(200);
    const appRes = await app.request(`/v1/admin/app?appId=${acme.appId}`, { headers: { Cookie: cy } });
    expect((await readJson(appRes)).appId).toBe(acme.appId);
    expect((await app.request(`/v1/admin/config?appId=${acme.appId}`, { headers: { Cookie: cy } })).status).toBe(200);
    // The secret key still works as before.
    expect((await app.request('/v1/admin/events', { headers: { Authorization: `Bearer ${acme.secretKey}` } })).status).toBe(200);
  });

  it('lets a CSM set a gate override (recorded under their email) but not push a config', async () => {
    const cy = await session(csm);
    const res = await send('PUT', `/v1/admin/gates/reports.advanced/overrides?appId=${acme.appId}`, cy, {
      accountId: 'initech',
      state: 'unlock',
      by: 'someone-else@waymark.test',
    });
    expect(res.status).toBe(200);
    expect((await readJson(res)).override).toMatchObject({ subjectId: 'initech', state: 'unlock', by: csm.email });
    const pushed = await send('PUT', `/v1/admin/config?appId=${acme.appId}`, cy, gatedConfig);
    expect(pushed.status).toBe(403);
    expect((await readJson(pushed)).error.code).toBe('secret_key_required');
  });

  it('refuses a cross-origin or non-JSON state change made with the cookie', async () => {
    const cy = await session(csm);
    const path = `/v1/admin/gates/reports.advanced/overrides?appId=${acme.appId}`;
    const body = { accountId: 'initech', state: 'lock' };
    let res = await send('PUT', path, cy, body, { Origin: 'https://evil.test' });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.code).toBe('cross_origin');
    res = await send('PUT', path, cy, body, { Origin: 'null' });
    expect(res.status).toBe(403);
    res = await send('PUT', path, cy, body, { 'Sec-Fetch-Site': 'cross-site' });
    expect(res.status).toBe(403);
    res = await send('PUT', path, cy, body, { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(415);
    res = await send('POST', '/v1/auth/logout', cy, undefined, { Origin: 'https://evil.test' });
    expect(res.status).toBe(403);
    // The same origin (as the browser addressed the collector) passes.
    res = await app.request(`http://collector.test${path}`, {
      method: 'PUT',
      headers: { Cookie: cy, 'Content-Type': 'application/json', Origin: 'http://collector.test' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect((await login(csm, freshIp(), { Origin: 'https://evil.test' })).status).toBe(403);
    // Nothing above logged the CSM out.
    expect((await app.request('/v1/auth/me', { headers: { Cookie: cy } })).status).toBe(200);
  });

  it('refuses logged-out requests and public keys on the CSM routes', async () => {
    for (const path of ['/v1/auth/me', '/v1/admin/csm-users']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
    }
    expect((await readJson(await app.request(`/v1/admin/events?appId=${acme.appId}`))).error.code).toBe('missing_key');
    const pk = { Authorization: `Bearer ${acme.publicKey}`, Origin: 'https://app.acme.test' };
    for (const path of ['/v1/admin/csm-users', `/v1/admin/events?appId=${acme.appId}`]) {
      const res = await app.request(path, { headers: pk });
      expect(res.status, path).toBe(401);
      expect((await readJson(res)).error.code).toBe('secret_key_required');
    }
    expect((await app.request('/v1/auth/me', { headers: pk })).status).toBe(401);
    const garbage = await app.request('/v1/auth/me', { headers: { Cookie: 'waymark_session=forged' } });
    expect(garbage.status).toBe(401);
  });

  it('lets an admin create, list, grant, revoke and disable CSM users; a csm may not', async () => {
    const ada = await session(admin);
    let res = await send('POST', '/v1/admin/csm-users', ada, { email: 'Dee@Waymark.test', name: 'Dee', role: 'csm', apps: [globex.appId] });
    expect(res.status).toBe(201);
    const created = await readJson(res);
    expect(created.user).toMatchObject({ email: 'dee@waymark.test', role: 'csm', apps: [globex.appId], disabledAt: null });
    expect(created.password).toMatch(/^\w{24}$/);
    res = await send('POST', '/v1/admin/csm-users', ada, { email: 'dee@WAYMARK.test', name: 'Dee 2', role: 'csm' });
    expect(res.status).toBe(409);
    res = await send('POST', '/v1/admin/csm-users', ada, { email: 'not-an-email', name: 'X', role: 'csm' });
    expect((await readJson(res)).error).toMatchObject({ code: 'invalid_body', field: 'email' });
    res = await send('POST', '/v1/admin/csm-users', ada, { email: 'x@waymark.test', name: 'X', role: 'boss' });
    expect((await readJson(res)).error).toMatchObject({ code: 'invalid_body', field: 'role' });
    res = await send('POST', '/v1/admin/csm-users', ada, { email: 'x@waymark.test', name: 'X', role: 'csm', password: 'short' });
    expect((await readJson(res)).error).toMatchObject({ code: 'invalid_body', field: 'password' });
    res = await send('POST', '/v1/admin/csm-users', ada, { email: 'x@waymark.test', name: 'X', role: 'csm', apps: ['app_nope'] });
    expect((await readJson(res)).error).toMatchObject({ code: 'app_not_found', field: 'apps' });

    const dee = await session({ email: 'dee@waymark.test', password: created.password });
    expect((await app.request(`/v1/admin/events?appId=${acme.appId}`, { headers: { Cookie: dee } })).status).toBe(404);
    res = await send('PUT', `/v1/admin/csm-users/dee@waymark.test/apps/${acme.appId}`, ada);
    expect((await readJson(res)).user.apps.sort()).toEqual([acme.appId, globex.appId].sort());
    expect((await app.request(`/v1/admin/events?appId=${acme.appId}`, { headers: { Cookie: dee } })).status).toBe(200);
    res = await send('DELETE', `/v1/admin/csm-users/dee@waymark.test/apps/${acme.appId}`, ada);
    expect((await readJson(res)).user.apps).toEqual([globex.appId]);
    expect((await app.request(`/v1/admin/events?appId=${acme.appId}`, { headers: { Cookie: dee } })).status).toBe(404);

    const list = await readJson(await app.request('/v1/admin/csm-users', { headers: { Cookie: ada } }));
    expect(list.users.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(['ada@waymark.test', 'cy@waymark.test', 'dee@waymark.test']));
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);

    // A csm may not manage users.
    const cy = await session(csm);
    res = await send('POST', '/v1/admin/csm-users', cy, { email: 'y@waymark.test', name: 'Y', role: 'admin' });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.code).toBe('admin_required');
    expect((await app.request('/v1/admin/csm-users', { headers: { Cookie: cy } })).status).toBe(403);

    res = await send('POST', '/v1/admin/csm-users/dee@waymark.test/disable', ada);
    expect((await readJson(res)).user.disabledAt).not.toBeNull();
    expect((await app.request('/v1/auth/me', { headers: { Cookie: dee } })).status).toBe(401);
    expect((await login({ email: 'dee@waymark.test', password: created.password }, freshIp())).status).toBe(401);
  });

  it("lets an app's secret key list who sees its app and grant or revoke its own app only", async () => {
    const key = (k: AppKeys) => ({ Authorization: `Bearer ${k.secretKey}`, 'Content-Type': 'application/json' });
    const listed = await readJson(await app.request('/v1/admin/csm-users', { headers: key(acme) }));
    expect(listed.users.map((u: { email: string }) => u.email)).toContain('cy@waymark.test');
    expect(listed.users.map((u: { email: string }) => u.email)).not.toContain('dee@waymark.test');
    let res = await app.request(`/v1/admin/csm-users/cy@waymark.test/apps/${globex.appId}`, { method: 'PUT', headers: key(globex) });
    expect((await readJson(res)).user.apps.sort()).toEqual([acme.appId, globex.appId].sort());
    res = await app.request(`/v1/admin/csm-users/cy@waymark.test/apps/${globex.appId}`, { method: 'DELETE', headers: key(acme) });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.code).toBe('wrong_app');
    res = await app.request(`/v1/admin/csm-users/nobody@waymark.test/apps/${acme.appId}`, { method: 'PUT', headers: key(acme) });
    expect(res.status).toBe(404);
    expect((await readJson(res)).error.code).toBe('csm_user_not_found');
    res = await app.request('/v1/admin/csm-users', {
      method: 'POST',
      headers: key(acme),
      body: JSON.stringify({ email: 'z@waymark.test', name: 'Z', role: 'admin' }),
    });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.code).toBe('admin_required');
  });
});

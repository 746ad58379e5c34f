import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { createCurrentConfigReader } from '../src/config/current-config.js';
import { summariseAccounts } from '../src/analytics/summarise-accounts.js';
import { projectsFeature, tasksFeature, teamFormedMilestone } from './onboarding-config.js';
import { backends } from './backends.js';
import { csmSession, day, groupMessage, hour, iso, openTestApp, origin, type TestApp } from './test-app.js';
import { post, readJson } from './fixtures.js';

// A Monday, so every account below starts in the cohort week 2026-01-05.
const t0 = Date.parse('2026-01-05T09:00:00.000Z');

const config = {
  version: 1,
  features: [projectsFeature, tasksFeature, { key: 'reports', name: 'Reports', tier: 'advanced', events: ['Report Exported'] }],
  milestones: [teamFormedMilestone],
  checklists: [],
  guides: [],
};

describe.each(backends)('account summaries on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  let other: AppKeys;
  const clock = t0 + 400 * day;
  let secret: Record<string, string>;

  const msg = (userId: string, groupId: string | undefined, at: number, fields: Record<string, unknown>) => ({
    messageId: randomUUID(),
    userId,
    timestamp: iso(at),
    ...(groupId ? { context: { groupId } } : {}),
    ...fields,
  });
  const trackAt = (userId: string, groupId: string, at: number, event: string) => msg(userId, groupId, at, { type: 'track', event, properties: {} });
  // With exactly these traits (groupMessage would add createdAt).
  const group = (userId: string, groupId: string, at: number, traits: Record<string, unknown>) => ({ ...groupMessage(userId, groupId, at), traits });
  async function send(batch: unknown[], k: AppKeys = keys) {
    const res = await app.request('/v1/batch', post({ writeKey: k.publicKey, batch }, { Origin: origin }));
    expect(res.status).toBe(200);
    expect((await readJson(res)).accepted).toBe(batch.length);
  }
  const summarise = (now: number) => summariseAccounts(db.sql, now, createCurrentConfigReader(db.sql));
  async function get(path: string, headers: Record<string, string> = secret) {
    const res = await app.request(path, { headers });
    expect(res.status, await res.clone().text()).toBe(200);
    return readJson(res);
  }

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { now: () => clock, trustProxy: true, config }));
    other = await createApp(db.sql, { name: 'Globex', origins: [origin] });
    secret = { Authorization: `Bearer ${keys.secretKey}` };
    // initech: 5 seats, ada active on days 0 and 2, bob on days 1 and 2.
    await send([
      group('ada', 'initech', t0, { name: 'Initech', createdAt: iso(t0), seats: 5, csmOwner: 'cy@waymark.test', segment: 'smb', timezone: 'Europe/Berlin' }),
      trackAt('ada', 'initech', t0 + hour, 'Project Created'),
      trackAt('bob', 'initech', t0 + day, 'Task Added'),
      trackAt('ada', 'initech', t0 + 2 * day, 'Report Exported'),
      trackAt('bob', 'initech', t0 + 2 * day, 'Task Added'),
      // globex: seen once, then nothing.
      group('gil', 'globex', t0, { name: 'Globex', plan: 'enterprise', owner: 'dee@waymark.test', createdAt: iso(t0) }),
      // A name that a spreadsheet would run as a formula.
      group('eve', 'evil', t0, { name: '=HYPERLINK("http://x.test","click")', segment: 'smb', createdAt: iso(t0) }),
    ]);
  });
  afterAll(() => db.drop());

  it('computes the metrics and health of day 3 as hand-computed', async () => {
    expect((await summarise(t0 + 3 * day)).accounts).toBe(3);
    const a = await get('/v1/admin/accounts/initech');
    expect(a.account).toMatchObject({
      name: 'Initech',
      day: 3,
      phase: 'onboarding',
      owner: 'cy@waymark.test',
      segment: 'smb',
      seats: 5,
      timeZone: 'Europe/Berlin',
    });
    // Active: day 0 {ada}, day 1 {bob}, day 2 {ada, bob}; both used a basic feature; both basic features used.
    expect(a.metrics).toMatchObject({ dau: 0, wau: 2, mau: 2, stickiness: 0.5, activatedUsers: 2, seatActivation: 0.4, breadth: 1, depth: 2 });
    // Seats in use: both users in the last 7 and 28 days; no baseline yet (under 14 days); single events
    // (ada and bob never did two things within 30 minutes) make no time in product.
    expect(a.metrics).toMatchObject({ seatsActive7: 2, seatsActive28: 2, seatShare7: 0.4, seatShare28: 0.4, usageVsBaseline: null });
    expect(a.metrics.timeInProduct).toEqual({ days: 4, minutesPerDay: 0, minutesPerUserDay: 0 });
    // No baseline yet, so activity is 3 of 4 days = 75; seats 2 of 5 active in 28 days = 40, breadth 100,
    // depth 2 / (4 × 5/7) = 70, milestones not settled (dropped): (30×75 + 20×40 + 15×100 + 15×70) / 80 = 70.
    expect(a.health).toMatchObject({ score: 70, band: 'yellow', driver: 'seats', reason: '40% of seats active in the last 28 days', change7d: null });
    expect(a.health.components.map((p: { component: string; value: number }) => [p.component, Math.round(p.value)])).toEqual([
      ['activity', 75],
      ['seats', 40],
      ['breadth', 100],
      ['depth', 70],
    ]);
    expect(a.account.stage).toBe('onboarding');
    expect(a.series).toEqual({
      fromDay: 0,
      activeUsers: [1, 1, 2, 0],
      seatActivation: [0.2, 0.4, 0.4, 0.4],
      seatsActive28: [0.2, 0.4, 0.4, 0.4],
      usageVsBaseline: [null, null, null, null],
      minutes: [0, 0, 0, 0],
    });
    expect(a.history.map((h: { day: number }) => h.day)).toEqual([0, 1, 2, 3]);
    expect(a.milestones).toEqual([{ key: 'team-formed', name: 'Team formed', targetDay: 14, reachedAt: null, reachedDay: null, status: 'not-yet-due' }]);
    expect(a.nextGoal).toEqual({ milestone: 'team-formed', targetDay: 14, due: '2026-01-19' });
    expect(a.flags).toEqual([]);
  });

  it("scores with the config's health weights and bands", async () => {
    const push = async (doc: unknown) => {
      const res = await app.request('/v1/admin/config', {
        method: 'PUT',
        headers: { ...secret, 'Content-Type': 'application/json' },
        body: JSON.stringify(doc),
      });
      expect(res.status).toBe(201);
    };
    // Activity alone (75 on day 3), and green from 75 up.
    await push({ ...config, health: { weights: { activity: 1, seats: 0, breadth: 0, depth: 0, milestones: 0 }, bands: { red: 20, yellow: 74 } } });
    await summarise(t0 + 3 * day);
    expect((await get('/v1/admin/accounts/initech')).health).toMatchObject({ score: 75, band: 'green' });
    await push(config);
    await summarise(t0 + 3 * day);
    expect((await get('/v1/admin/accounts/initech')).health).toMatchObject({ score: 70, band: 'yellow' });
  });

  it('raises and clears flags over a scripted timeline, with outbox rows', async () => {
    await summarise(t0 + 7 * day + hour);
    let g = await get('/v1/admin/accounts/globex');
    // Flags date from the start of the account day their condition began on (globex counts days in
    // UTC): nobody in days 0–2, so no-activity from day 3 (raised in the day-3 round above).
    const dayStart = (n: number) => Date.parse('2026-01-05T00:00:00.000Z') + n * day;
    const noActivity = { key: 'no-activity', kind: 'no-activity', since: iso(dayStart(3)) };
    expect(g.flags).toEqual([{ ...noActivity, facts: { days: 7 }, reason: 'no core feature used in the 7 days since the start' }]);
    expect(g.health).toMatchObject({ band: 'red', driver: 'no-activity', reason: 'no core feature used in the 7 days since the start' });
    expect(g.account.stage).toBe('at-risk');
    await send([trackAt('gil', 'globex', t0 + 8 * day, 'Project Created')]);
    await summarise(t0 + 8 * day + hour);
    g = await get('/v1/admin/accounts/globex');
    expect(g.flags).toEqual([]);
    // Cleared from the start of the day someone was back; the history keeps the last facts.
    expect(g.clearedFlags).toEqual([
      { ...noActivity, clearedAt: iso(dayStart(8)), facts: { days: 7 }, reason: 'no core feature used in the 7 days since the start' },
    ]);

    // initech: active on days 0–2, then nobody; 4 silent days would be under 1% likely at its 1⅓ users
    // a day: went-quiet from day 7 (Berlin: UTC+1 in January); on day 8, nobody for 5 whole days.
    let i = await get('/v1/admin/accounts/initech');
    expect(i.flags).toEqual([
      { key: 'went-quiet', kind: 'went-quiet', since: iso(dayStart(7) - hour), facts: { days: 5, lastActiveDay: 2 }, reason: 'no one active for 5 days' },
    ]);
    // No invites by day 14, so the milestone is overdue on day 15; two invites on day 16 reach it, late.
    await summarise(t0 + 15 * day + hour);
    i = await get('/v1/admin/accounts/initech');
    expect(i.flags).toContainEqual({
      key: 'milestone-overdue:team-formed',
      kind: 'milestone-overdue',
      milestone: 'team-formed',
      since: iso(dayStart(15) - hour),
      facts: { targetDay: 14, overdueDays: 1 },
      reason: 'Team formed 1 day overdue (due day 14)',
    });
    expect(i.flags[0]).toMatchObject({ key: 'went-quiet', reason: 'no one active for 12 days' });
    expect(i.milestones[0].status).toBe('overdue');
    await send([trackAt('ada', 'initech', t0 + 16 * day, 'Teammate Invited'), trackAt('bob', 'initech', t0 + 16 * day + hour, 'Teammate Invited')]);
    await summarise(t0 + 16 * day + 2 * hour);
    i = await get('/v1/admin/accounts/initech');
    // Someone is back, but a week of nothing at its usual 1⅓ users a day was also use far under its
    // usual level (from day 15): that holds until the last 7 days are back to 75% of a usual week.
    expect(i.flags).toEqual([
      {
        key: 'usage-drop',
        kind: 'usage-drop',
        since: iso(dayStart(15) - hour),
        facts: { current: 0, usual: 4, windowDays: 7 },
        reason: 'usage at 0% of its usual level (0 active user-days in 7 days, usually 4)',
      },
    ]);
    expect(i.clearedFlags.map((f: { key: string; clearedAt: string }) => [f.key, f.clearedAt])).toEqual([
      ['milestone-overdue:team-formed', iso(dayStart(16) - hour)],
      ['went-quiet', iso(dayStart(16) - hour)],
    ]);
    expect(i.milestones[0]).toMatchObject({ key: 'team-formed', reachedDay: 16, status: 'late' });

    const { rows } = await db.sql.query<{ account_id: string; kind: string; flag: string; payload: { day: number; reason?: string } }>(
      `select account_id, kind, flag, payload from alert_outbox where app_id = $1 order by account_id, id`,
      [keys.appId],
    );
    const transitions = rows.map((r) => [r.account_id, r.kind, r.flag, r.payload.day]).sort((x, y) => String(x).localeCompare(String(y)));
    expect(transitions).toEqual([
      ['evil', 'flag.raised', 'milestone-overdue:team-formed', 15],
      ['evil', 'flag.raised', 'no-activity', 3],
      ['globex', 'flag.cleared', 'no-activity', 8],
      ['globex', 'flag.raised', 'milestone-overdue:team-formed', 15],
      ['globex', 'flag.raised', 'no-activity', 3],
      // One event on day 8 and then a week of nothing.
      ['globex', 'flag.raised', 'went-quiet', 16],
      ['initech', 'flag.cleared', 'milestone-overdue:team-formed', 16],
      ['initech', 'flag.cleared', 'went-quiet', 16],
      ['initech', 'flag.raised', 'milestone-overdue:team-formed', 15],
      ['initech', 'flag.raised', 'usage-drop', 15],
      ['initech', 'flag.raised', 'went-quiet', 7],
    ]);
    // Webhooks carry the reason.
    expect(rows.find((r) => r.account_id === 'initech' && r.flag === 'went-quiet')!.payload.reason).toBe('no one active for 4 days');
    // Summarising again with nothing new writes no new transitions.
    await summarise(t0 + 16 * day + 3 * hour);
    const { rows: again } = await db.sql.query<{ n: number }>('select count(*)::int as n from alert_outbox where app_id = $1', [keys.appId]);
    expect(again[0]!.n).toBe(11);
  });

  it('lists the portfolio filtered, sorted and paged', async () => {
    const all = await get('/v1/admin/portfolio?sort=name');
    expect(all.total).toBe(3);
    expect(all.accounts.map((a: { accountId: string }) => a.accountId)).toEqual(['evil', 'globex', 'initech']);
    expect(all.accounts[2]).toMatchObject({ day: 16, owner: 'cy@waymark.test', segment: 'smb', seats: 5, nextGoal: null });
    expect(all.accounts[2].trend).toHaveLength(14);
    expect((await get('/v1/admin/portfolio?segment=enterprise')).accounts.map((a: { accountId: string }) => a.accountId)).toEqual(['globex']);
    expect((await get('/v1/admin/portfolio?owner=dee@waymark.test')).accounts.map((a: { accountId: string }) => a.accountId)).toEqual(['globex']);
    expect((await get('/v1/admin/portfolio?flag=no-activity')).accounts.map((a: { accountId: string }) => a.accountId)).toEqual(['evil']);
    expect((await get('/v1/admin/portfolio?stage=at-risk&sort=name')).accounts.map((a: { accountId: string }) => a.accountId)).toEqual([
      'evil',
      'globex',
      'initech',
    ]);
    expect((await get('/v1/admin/portfolio?stage=adopted')).total).toBe(0);
    const evil = all.accounts[0];
    expect(evil).toMatchObject({ stage: 'at-risk', band: 'red', driver: 'no-activity', reason: 'no core feature used in the 16 days since the start' });
    expect(evil.flags.map((f: { key: string }) => f.key)).toEqual(['no-activity', 'milestone-overdue:team-formed']);
    const badStage = await app.request('/v1/admin/portfolio?stage=happy', { headers: secret });
    expect(badStage.status).toBe(400);
    expect((await readJson(badStage)).error.field).toBe('stage');
    const byHealth = await get('/v1/admin/portfolio?sort=health&order=desc');
    const scores = byHealth.accounts.map((a: { health: number }) => a.health);
    expect(scores).toEqual([...scores].sort((x: number, y: number) => y - x));
    const page2 = await get('/v1/admin/portfolio?sort=name&limit=1&page=2');
    expect(page2).toMatchObject({ total: 3, pages: 3, page: 2, limit: 1 });
    expect(page2.accounts.map((a: { accountId: string }) => a.accountId)).toEqual(['globex']);
    const red = await get('/v1/admin/portfolio?band=red');
    expect(red.accounts.every((a: { band: string }) => a.band === 'red')).toBe(true);
    const bad = await app.request('/v1/admin/portfolio?sort=size', { headers: secret });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.field).toBe('sort');
  });

  it('exports CSV with quoting and formula injection neutralised', async () => {
    const res = await app.request('/v1/admin/portfolio.csv?sort=name', { headers: secret });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      'accountId,name,day,phase,stage,health,band,change7d,driver,reason,flags,owner,segment,seats,seatActivation,nextGoal,nextGoalDue,updatedAt',
    );
    expect(lines[1]!.startsWith(`evil,"'=HYPERLINK(""http://x.test"",""click"")",16,onboarding,at-risk,`)).toBe(true);
    expect(lines).toHaveLength(5);
  });

  it('answers the account users, cohorts and funnels', async () => {
    const users = await get('/v1/admin/accounts/initech/users');
    expect(users.total).toBe(2);
    expect(users.users.map((u: { userId: string }) => u.userId).sort()).toEqual(['ada', 'bob']);
    expect(users.users[0]).toMatchObject({ checklists: [], stuck: [] });
    const cohorts = await get('/v1/admin/cohorts?days=20');
    expect(cohorts.cohorts).toHaveLength(1);
    expect(cohorts.cohorts[0]).toMatchObject({ week: '2026-01-05', accounts: 3 });
    const curve = cohorts.cohorts[0].milestones['team-formed'];
    expect(curve[15]).toBe(0);
    expect(curve[16]).toBeCloseTo(1 / 3);
    expect(curve[17]).toBe(null);
    const funnels = await get('/v1/admin/funnels');
    expect(funnels).toEqual({ guides: [], checklists: [] });
    expect((await app.request('/v1/admin/accounts/nobody', { headers: secret })).status).toBe(404);
  });

  it("serves the account's lifecycle stage to the browser as the account fact $stage, over a trait of that name", async () => {
    await send([group('gil', 'globex', t0 + 16 * day, { $stage: 'adopted' })]);
    const res = await app.request(`/v1/state?key=${keys.publicKey}&userId=gil`, { headers: { Origin: origin } });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    // Unverified, the browser gets the stage but not the account's other traits.
    expect(body.snapshot.account.traits).toEqual({ $stage: 'at-risk' });
    const server = await readJson(await app.request('/v1/admin/users/gil/state', { headers: secret }));
    expect(server.snapshot.account.traits).toMatchObject({ name: 'Globex', $stage: 'at-risk' });
  });

  it('refuses a public key and a logged-out request, and shows a CSM only their apps', async () => {
    for (const path of [
      '/v1/admin/portfolio',
      '/v1/admin/portfolio.csv',
      '/v1/admin/accounts/initech',
      '/v1/admin/accounts/initech/users',
      '/v1/admin/cohorts',
      '/v1/admin/funnels',
    ]) {
      expect([401, 403]).toContain((await app.request(path, { headers: { Authorization: `Bearer ${keys.publicKey}` } })).status);
      expect((await app.request(path)).status).toBe(401);
    }
    const cookie = { Cookie: await csmSession({ db, keys, app }, 'cy@waymark.test', clock) };
    expect((await get(`/v1/admin/portfolio?appId=${keys.appId}`, cookie)).total).toBe(3);
    const theirs = await app.request(`/v1/admin/portfolio?appId=${other.appId}`, { headers: cookie });
    expect(theirs.status).toBe(404);
    expect((await readJson(theirs)).error.code).toBe('app_not_found');
  });
});

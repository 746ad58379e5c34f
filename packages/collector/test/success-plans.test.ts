import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { day, iso, groupMessage, openTestApp, sendBatch, type TestApp, csmSession } from './test-app.js';
import { readJson } from './fixtures.js';
import { onboardingConfig } from './onboarding-config.js';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');

/** activated (user, target day 7), team-formed (account, 14), exported-today (user, 30). */
const planConfig = {
  ...onboardingConfig,
  successPlans: [
    { goals: [{ milestone: 'activated' }, { milestone: 'team-formed', dueDay: 21 }] },
    {
      segment: 'enterprise',
      goals: [
        { milestone: 'team-formed', dueDay: 30, owner: 'it-lead@customer.test' },
        { milestone: 'exported-today', dueDay: 60 },
      ],
    },
  ],
};

describe.each(backends)('success plans on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  let secret: Record<string, string>;
  // Day 15 of accounts created at t0.
  let clock = t0 + 15 * day + 3_600_000;

  const plan = async (accountId: string, query = '') => {
    const res = await app.request(`/v1/admin/accounts/${accountId}/plan${query}`, { headers: secret });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return readJson(res);
  };
  const put = (accountId: string, body: unknown, headers: Record<string, string> = secret) =>
    app.request(`/v1/admin/accounts/${accountId}/plan`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const brief = (goals: Array<Record<string, unknown>>) => goals.map((g) => ({ milestone: g['milestone'], dueDay: g['dueDay'], status: g['status'] }));

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { now: () => clock, config: planConfig }));
    secret = { Authorization: `Bearer ${keys.secretKey}` };
    await sendBatch({ app, keys }, [
      groupMessage('ivy', 'initech', t0, { segment: 'enterprise' }),
      groupMessage('gus', 'globex', t0, { plan: 'enterprise' }),
      groupMessage('hal', 'hooli', t0, { segment: 'smb' }),
      groupMessage('una', 'umbrella', t0),
    ]);
    // Recorded progress: initech's account milestone on day 3, hooli's first user activated on day 9.
    await db.sql.query(
      `insert into progress (app_id, subject, kind, key, reached_at) values ($1, 'account:initech', 'milestone', 'team-formed', $2), ($1, 'user:hal', 'milestone', 'activated', $3)`,
      [keys.appId, iso(t0 + 3 * day), iso(t0 + 9 * day)],
    );
  });
  afterAll(() => db.drop());

  it('defaults each account to the config plan of its segment (segment trait, else plan), else the default plan', async () => {
    const initech = await plan('initech');
    expect(initech).toMatchObject({ accountId: 'initech', source: 'default', segment: 'enterprise', day: 15, updatedBy: null, updatedAt: null, log: [] });
    expect(initech.goals).toEqual([
      {
        milestone: 'team-formed',
        name: 'Team formed',
        dueDay: 30,
        owner: 'it-lead@customer.test',
        status: 'done',
        reachedAt: iso(t0 + 3 * day),
        reachedDay: 3,
        daysLeft: 15,
      },
      { milestone: 'exported-today', name: 'Exported today', dueDay: 60, status: 'on-track', reachedAt: null, reachedDay: null, daysLeft: 45 },
    ]);
    expect((await plan('globex')).segment).toBe('enterprise');
    expect(brief((await plan('globex')).goals)).toEqual([
      { milestone: 'team-formed', dueDay: 30, status: 'on-track' },
      { milestone: 'exported-today', dueDay: 60, status: 'on-track' },
    ]);
    // The default plan: activated due on its target day 7, team-formed on 21.
    const hooli = await plan('hooli');
    expect(hooli.segment).toBe('smb');
    expect(brief(hooli.goals)).toEqual([
      { milestone: 'activated', dueDay: 7, status: 'done' },
      { milestone: 'team-formed', dueDay: 21, status: 'at-risk' },
    ]);
    expect(hooli.goals[0].reachedDay).toBe(9);
    expect(brief((await plan('umbrella')).goals)).toEqual([
      { milestone: 'activated', dueDay: 7, status: 'overdue' },
      { milestone: 'team-formed', dueDay: 21, status: 'at-risk' },
    ]);
    const unknown = await app.request('/v1/admin/accounts/nobody/plan', { headers: secret });
    expect(unknown.status).toBe(404);
    expect((await readJson(unknown)).error.code).toBe('unknown_account');
  });

  it('edits an account plan with who and when logged, and resets it to the default', async () => {
    const edited = await put('umbrella', {
      goals: [{ milestone: 'activated', dueDay: 20, owner: 'una@umbrella.test', note: 'After the holidays' }, { milestone: 'exported-today' }],
      by: 'dana@vendor.test',
    });
    expect(edited.status).toBe(200);
    const body = await readJson(edited);
    expect(body).toMatchObject({ source: 'account', updatedBy: 'dana@vendor.test', updatedAt: iso(clock) });
    expect(body.goals).toEqual([
      {
        milestone: 'activated',
        name: 'Activated',
        dueDay: 20,
        owner: 'una@umbrella.test',
        note: 'After the holidays',
        status: 'at-risk',
        reachedAt: null,
        reachedDay: null,
        daysLeft: 5,
      },
      { milestone: 'exported-today', name: 'Exported today', dueDay: 30, status: 'on-track', reachedAt: null, reachedDay: null, daysLeft: 15 },
    ]);
    expect(body.log).toEqual([
      {
        goals: [
          { milestone: 'activated', dueDay: 20, owner: 'una@umbrella.test', note: 'After the holidays' },
          { milestone: 'exported-today', dueDay: 30 },
        ],
        previous: null,
        by: 'dana@vendor.test',
        at: iso(clock),
      },
    ]);

    clock += 60_000;
    const reset = await readJson(await put('umbrella', { goals: null, by: 'eve@vendor.test' }));
    expect(reset).toMatchObject({ source: 'default', updatedBy: null });
    expect(brief(reset.goals)).toEqual([
      { milestone: 'activated', dueDay: 7, status: 'overdue' },
      { milestone: 'team-formed', dueDay: 21, status: 'at-risk' },
    ]);
    expect(reset.log.map((l: { by: string; goals: unknown; previous: unknown[] | null }) => [l.by, l.goals === null, l.previous?.length ?? null])).toEqual([
      ['eve@vendor.test', true, 2],
      ['dana@vendor.test', false, null],
    ]);
  });

  it('refuses milestones not in the config, duplicates, bad fields and a missing author', async () => {
    const error = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      return (await readJson(res)).error;
    };
    expect(await error(await put('initech', { goals: [{ milestone: 'nope' }], by: 'x' }), 400)).toMatchObject({
      code: 'unknown_milestone',
      field: 'goals.0.milestone',
    });
    expect(await error(await put('initech', { goals: [{ milestone: 'activated' }, { milestone: 'activated' }], by: 'x' }), 400)).toMatchObject({
      code: 'invalid_body',
      field: 'goals.1.milestone',
    });
    expect(await error(await put('initech', { goals: [{ milestone: 'activated', dueDay: -1 }], by: 'x' }), 400)).toMatchObject({ field: 'goals.0.dueDay' });
    expect(await error(await put('initech', { goals: [{ milestone: 'activated', colour: 'red' }], by: 'x' }), 400)).toMatchObject({ field: 'goals.0.colour' });
    expect(await error(await put('initech', { goals: [] }), 400)).toMatchObject({ field: 'by' });
    expect(await error(await put('nobody', { goals: [], by: 'x' }), 404)).toMatchObject({ code: 'unknown_account' });
    expect((await plan('initech')).source).toBe('default');
  });

  it('records the CSM session email as the editor', async () => {
    const cookie = await csmSession({ db, keys, app }, 'cy@vendor.test', clock);
    const res = await app.request(`/v1/admin/accounts/globex/plan?appId=${keys.appId}`, {
      method: 'PUT',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ goals: [{ milestone: 'activated' }], by: 'someone-else@vendor.test' }),
    });
    expect(res.status).toBe(200);
    expect((await readJson(res)).log[0]).toMatchObject({ by: 'cy@vendor.test' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createCurrentConfigReader } from '../src/config/current-config.js';
import { summariseAccounts } from '../src/analytics/summarise-accounts.js';
import { settlePendingProgress } from '../src/user-state/settle-pending-progress.js';
import { activatedMilestone, powerUserMilestone, projectsFeature, tasksFeature, teamFormedMilestone } from './onboarding-config.js';
import { backends } from './backends.js';
import { day, groupMessage, hour, iso, openTestApp, origin, trackMessage, type TestApp } from './test-app.js';
import { post, readJson } from './fixtures.js';

const t0 = Date.parse('2026-01-05T09:00:00.000Z');

const config = {
  version: 1,
  features: [projectsFeature, tasksFeature, { key: 'team.invite', name: 'Invite', tier: 'basic', events: ['Teammate Invited'] }],
  milestones: [
    { ...activatedMilestone, firstValue: true },
    teamFormedMilestone,
    { key: 'onboarded', name: 'Onboarded', scope: 'user', targetDay: 14, condition: { checklist: 'getting-started' } },
    powerUserMilestone,
    {
      key: 'pro',
      name: 'On Pro',
      scope: 'account',
      targetDay: 30,
      condition: {
        all: [
          { trait: 'plan', op: 'eq', value: 'pro', scope: 'account' },
          { event: 'Project Created', scope: 'account' },
        ],
      },
    },
  ],
  checklists: [
    {
      key: 'getting-started',
      title: 'Getting started',
      audience: { not: { trait: 'role', op: 'eq', value: 'viewer' } },
      items: [
        { key: 'create-project', title: 'Create a project', done: { event: 'Project Created' } },
        { key: 'add-tasks', title: 'Add three tasks', done: { event: 'Task Added', count: { gte: 3 } } },
        { key: 'invite', title: 'Invite', done: { event: 'Teammate Invited' } },
      ],
    },
  ],
  guides: [],
  successPlans: [{ goals: [{ milestone: 'team-formed' }, { milestone: 'activated' }, { milestone: 'power-user' }] }],
};

describe.each(backends)('progress dated from ingested history on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  const clock = t0 + 30 * day;
  let secret: Record<string, string>;

  const track = trackMessage;
  // With exactly these traits (groupMessage would add createdAt).
  const group = (userId: string, groupId: string, at: number, traits: Record<string, unknown>) => ({ ...groupMessage(userId, groupId, at), traits });
  const identify = (userId: string, at: number, traits: Record<string, unknown>) => ({
    type: 'identify',
    messageId: randomUUID(),
    userId,
    timestamp: iso(at),
    traits,
  });
  async function send(batch: unknown[]) {
    for (let i = 0; i < batch.length; i += 400) {
      const part = batch.slice(i, i + 400);
      const res = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch: part }, { Origin: origin }));
      expect(res.status).toBe(200);
      expect((await readJson(res)).accepted).toBe(part.length);
    }
  }
  const summarise = (now: number) => summariseAccounts(db.sql, now, createCurrentConfigReader(db.sql));
  async function get(path: string) {
    const res = await app.request(path, { headers: secret });
    expect(res.status, await res.clone().text()).toBe(200);
    return readJson(res);
  }
  async function progress(subject: string) {
    const { rows } = await db.sql.query<{ kind: string; key: string; reached_at: Date; source: string }>(
      'select kind, key, reached_at, source from progress where app_id = $1 and subject = $2 order by kind, key',
      [keys.appId, subject],
    );
    return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.key}`, [iso(new Date(r.reached_at).getTime()), r.source]]));
  }
  const everything = async () =>
    (await db.sql.query('select * from progress where app_id = $1 order by subject, kind, key', [keys.appId])).rows.concat(
      (await db.sql.query('select * from account_milestones where app_id = $1 order by account_id, milestone', [keys.appId])).rows,
    );

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { now: () => clock, trustProxy: true, config }));
    secret = { Authorization: `Bearer ${keys.secretKey}` };
    const history: unknown[] = [
      group('ada', 'initech', t0, { name: 'Initech', createdAt: iso(t0), seats: 4, plan: 'starter' }),
      identify('ada', t0, { role: 'owner' }),
      identify('bob', t0, { role: 'viewer' }),
      // ada: project on day 1, the 3rd task on day 3 at 11:00: activated and add-tasks then.
      track('ada', 'initech', t0 + day, 'Project Created'),
      track('ada', 'initech', t0 + day + hour, 'Task Added'),
      track('ada', 'initech', t0 + 2 * day, 'Task Added'),
      track('ada', 'initech', t0 + 3 * day + 2 * hour, 'Task Added'),
      track('ada', 'initech', t0 + 4 * day, 'Task Added'),
      // Invites: bob on day 2, ada on day 5: team formed on day 5 (target 14: on time); ada's checklist complete then.
      track('bob', 'initech', t0 + 2 * day, 'Teammate Invited'),
      track('ada', 'initech', t0 + 5 * day + hour, 'Teammate Invited'),
      // Exports on days 10, 20, 22, 25: 3 within 7 days first on day 25.
      ...[10, 20, 22, 25].map((d) => track('ada', 'initech', t0 + d * day, 'Report Exported')),
      // Nudges: ada's invite nudge converted (day 3 → 5), bob's add-tasks nudge not.
      track('ada', 'initech', t0 + 3 * day, 'Nudge Shown', { nudge: 'invite-help', checklist: 'getting-started', item: 'invite' }),
      track('bob', 'initech', t0 + day, 'Nudge Shown', { nudge: 'tasks-help', checklist: 'getting-started', item: 'add-tasks' }),
      // The plan trait arrives (again) on day 12; the SDK reached "pro" on day 9 by its clock.
      track('ada', 'initech', t0 + 9 * day, 'Milestone Reached', { milestone: 'pro' }),
      group('ada', 'initech', t0 + 12 * day, { plan: 'pro' }),
      // globex: on pro from day 2, no SDK word: dated when its traits took effect.
      group('gil', 'globex', t0, { name: 'Globex', createdAt: iso(t0) }),
      track('gil', 'globex', t0 + hour, 'Project Created'),
      group('gil', 'globex', t0 + 2 * day, { plan: 'pro' }),
      // An earlier SDK claim for a condition the events time themselves is not taken.
      track('gil', 'globex', t0, 'Checklist Item Completed', { checklist: 'getting-started', item: 'create-project' }),
    ];
    // Everyday activity through day 29, so the accounts are alive.
    for (let d = 6; d < 30; d++)
      history.push(track('ada', 'initech', t0 + d * day + 3 * hour, 'Page Viewed'), track('gil', 'globex', t0 + d * day + 3 * hour, 'Page Viewed'));
    await send(history);
  });
  afterAll(() => db.drop());

  it('records milestones and checklist items with the time of the event that reached them', async () => {
    expect((await summarise(clock + hour)).accounts).toBe(2);
    expect(await progress('user:ada')).toEqual({
      'checklist:getting-started': [iso(t0 + 5 * day + hour), 'events'],
      'item:getting-started/add-tasks': [iso(t0 + 3 * day + 2 * hour), 'events'],
      'item:getting-started/create-project': [iso(t0 + day), 'events'],
      'item:getting-started/invite': [iso(t0 + 5 * day + hour), 'events'],
      'milestone:activated': [iso(t0 + 3 * day + 2 * hour), 'events'],
      'milestone:onboarded': [iso(t0 + 5 * day + hour), 'events'],
      'milestone:power-user': [iso(t0 + 25 * day), 'events'],
    });
    expect(await progress('user:bob')).toEqual({ 'item:getting-started/invite': [iso(t0 + 2 * day), 'events'] });
    expect(await progress('account:initech')).toEqual({
      'milestone:pro': [iso(t0 + 9 * day), 'sdk'],
      'milestone:team-formed': [iso(t0 + 5 * day + hour), 'events'],
    });
    expect(await progress('account:globex')).toEqual({ 'milestone:pro': [iso(t0 + 2 * day), 'events'] });
    expect(await progress('user:gil')).toEqual({ 'item:getting-started/create-project': [iso(t0 + hour), 'events'] });
  });

  it('reports milestone status, days, time to first value, attainment, checklist completion, nudges and plans from those times', async () => {
    const a = await get('/v1/admin/accounts/initech');
    const byKey = Object.fromEntries(a.milestones.map((m: { key: string }) => [m.key, m]));
    expect(byKey['team-formed']).toMatchObject({ reachedDay: 5, status: 'on-time', reachedAt: iso(t0 + 5 * day + hour) });
    expect(byKey['activated']).toMatchObject({ reachedDay: 3, status: 'on-time' });
    expect(byKey['onboarded']).toMatchObject({ reachedDay: 5, status: 'on-time' });
    expect(byKey['power-user']).toMatchObject({ reachedDay: 25, status: 'on-time' });
    expect(byKey['pro']).toMatchObject({ reachedDay: 9, status: 'on-time' });
    expect(a.metrics.timeToFirstValue).toBe(3);
    const by7 = a.metrics.attainment.find((x: { day: number }) => x.day === 7);
    expect(by7.share).toBeCloseTo(3 / 5);
    // bob is a viewer, outside the checklist's audience: ada alone, complete.
    expect(a.metrics.checklists['getting-started']).toEqual({ users: 1, completed: 1, rate: 1, itemRate: 1 });
    expect(a.metrics.nudgeEffectiveness).toEqual({
      shown: 2,
      converted: 1,
      rate: 0.5,
      byNudge: { 'invite-help': { shown: 1, converted: 1, rate: 1 }, 'tasks-help': { shown: 1, converted: 0, rate: 0 } },
    });
    expect(a.flags.filter((f: { key: string }) => f.key.startsWith('milestone-overdue'))).toEqual([]);
    const plan = await get('/v1/admin/accounts/initech/plan');
    expect(plan.goals.map((g: { milestone: string; status: string; reachedDay: number }) => [g.milestone, g.status, g.reachedDay])).toEqual([
      ['team-formed', 'done', 5],
      ['activated', 'done', 3],
      ['power-user', 'done', 25],
    ]);
  });

  it('changes nothing when run again', async () => {
    const before = await everything();
    await summarise(clock + 2 * hour);
    await summarise(clock + 5 * hour);
    expect(await everything()).toEqual(before);
    // On a new day statuses move on (globex's power-user is overdue on day 31), recorded progress does not.
    const { rows: progressBefore } = await db.sql.query('select * from progress where app_id = $1 order by subject, kind, key', [keys.appId]);
    await summarise(clock + 26 * hour);
    expect((await db.sql.query('select * from progress where app_id = $1 order by subject, kind, key', [keys.appId])).rows).toEqual(progressBefore);
  });

  it('moves progress recorded at ingest back to when the events reached it', async () => {
    await send([
      group('cy', 'hooli', t0 + 20 * day, { name: 'Hooli', createdAt: iso(t0 + 20 * day) }),
      track('cy', 'hooli', t0 + 21 * day, 'Project Created'),
      ...[1, 2, 3].map((n) => track('cy', 'hooli', t0 + 22 * day + n * hour, 'Task Added')),
    ]);
    // Recorded by the settling job after the batch was stored, stamped with its time.
    await settlePendingProgress(db.sql, clock, createCurrentConfigReader(db.sql));
    expect((await progress('user:cy'))['milestone:activated']).toEqual([iso(clock), 'read']);
    await summarise(clock + 3 * hour);
    expect((await progress('user:cy'))['milestone:activated']).toEqual([iso(t0 + 22 * day + 3 * hour), 'events']);
    expect((await progress('user:cy'))['item:getting-started/create-project']).toEqual([iso(t0 + 21 * day), 'events']);
    const h = await get('/v1/admin/accounts/hooli');
    expect(h.milestones.find((m: { key: string }) => m.key === 'activated')).toMatchObject({ reachedDay: 2, status: 'on-time' });
  });
});

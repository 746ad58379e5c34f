import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { deriveFacts, explainCondition, gateState, snapshotFacts, validateConfig, type GateOverrides, type WaymarkConfig } from '@waymark/core';
import { userHashFor } from '../src/apps/user-hash.js';
import { backends } from './backends.js';
import { post, readJson } from './fixtures.js';
import { gatedConfig } from './onboarding-config.js';
import { hour, openTestApp, origin, type TestApp } from './test-app.js';

describe.each(backends)('gates and overrides on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  let config: WaymarkConfig;
  let clock = Date.parse('2026-03-10T12:30:00.000Z');
  const secret = () => ({ Authorization: `Bearer ${keys.secretKey}` });

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, { now: () => clock, config: gatedConfig }));
    const v = validateConfig(gatedConfig);
    if (!v.ok) throw new Error('test config invalid');
    config = v.config;

    const msg = (userId: string, type: string, fields: Record<string, unknown>) => ({
      type,
      messageId: randomUUID(),
      userId,
      timestamp: new Date(clock - hour).toISOString(),
      ...fields,
    });
    const track = (userId: string, event: string) => msg(userId, 'track', { event, properties: {} });
    const batch = [
      msg('newbie', 'group', { groupId: 'initech' }),
      msg('finisher', 'group', { groupId: 'initech' }),
      ...['Project Created', 'Task Added', 'Task Added', 'Task Added', 'Teammate Invited'].map((e) => track('finisher', e)),
      msg('vip', 'group', { groupId: 'megacorp' }),
      msg('skeptic', 'group', { groupId: 'megacorp' }),
      msg('blocked', 'group', { groupId: 'initech' }),
      ...['Project Created', 'Task Added', 'Task Added', 'Task Added', 'Teammate Invited'].map((e) => track('blocked', e)),
    ];
    const sent = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch }, { Origin: origin }));
    expect(sent.status).toBe(200);
  });
  afterAll(() => db.drop());

  const putOverride = async (gate: string, body: unknown) => {
    clock += 1000;
    return app.request(`/v1/admin/gates/${gate}/overrides`, {
      method: 'PUT',
      headers: { ...secret(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  };
  const gates = async (query: string, headers: Record<string, string> = secret()) => app.request(`/v1/gates?${query}`, { headers });

  it('unlocks a gate for a whole account and, overriding that, locks it for one user; logged with who and when', async () => {
    let res = await putOverride('reports.advanced', { accountId: 'megacorp', state: 'unlock', by: 'csm@waymark.test' });
    expect(res.status).toBe(200);
    const setAt = new Date(clock).toISOString();
    expect((await readJson(res)).override).toEqual({
      gate: 'reports.advanced',
      scope: 'account',
      subjectId: 'megacorp',
      state: 'unlock',
      previous: null,
      by: 'csm@waymark.test',
      at: setAt,
    });
    res = await putOverride('reports.advanced', { userId: 'skeptic', state: 'lock', by: 'csm@waymark.test' });
    expect(res.status).toBe(200);
    res = await putOverride('reports.advanced', { userId: 'blocked', state: 'lock', by: 'boss@waymark.test' });
    expect(res.status).toBe(200);

    const vip = (await readJson(await gates('userId=vip'))).gates;
    expect(vip['reports.advanced']).toMatchObject({ unlocked: true, reason: 'override', locked: 'disable', progress: { done: 0, total: 3 } });
    expect(vip['automations']).toMatchObject({ unlocked: false, reason: 'locked', locked: 'teaser' });
    const skeptic = (await readJson(await gates('userId=skeptic&gate=reports.advanced'))).gates;
    expect(Object.keys(skeptic)).toEqual(['reports.advanced']);
    expect(skeptic['reports.advanced']).toMatchObject({ unlocked: false, reason: 'override' });

    const listed = await readJson(await app.request('/v1/admin/gates/reports.advanced/overrides', { headers: secret() }));
    expect(listed.overrides.map((o: { scope: string; subjectId: string; state: string }) => `${o.scope}:${o.subjectId}:${o.state}`)).toEqual([
      'account:megacorp:unlock',
      'user:blocked:lock',
      'user:skeptic:lock',
    ]);
    expect(listed.log.map((o: { subjectId: string; by: string }) => `${o.subjectId} by ${o.by}`)).toEqual([
      'blocked by boss@waymark.test',
      'skeptic by csm@waymark.test',
      'megacorp by csm@waymark.test',
    ]);
    expect(listed.log[2].at).toBe(setAt);
  });

  it('clears an override (logged with state null and the previous state)', async () => {
    await putOverride('automations', { userId: 'newbie', state: 'unlock', by: 'csm@waymark.test' });
    expect((await readJson(await gates('userId=newbie&gate=automations'))).gates['automations']).toMatchObject({ unlocked: true, reason: 'override' });
    const res = await putOverride('automations', { userId: 'newbie', state: null, by: 'lead@waymark.test' });
    expect(res.status).toBe(200);
    expect((await readJson(res)).override).toMatchObject({ state: null, previous: 'unlock', by: 'lead@waymark.test' });
    expect((await readJson(await gates('userId=newbie&gate=automations'))).gates['automations']).toMatchObject({ unlocked: false, reason: 'locked' });
    const listed = await readJson(await app.request('/v1/admin/gates/automations/overrides', { headers: secret() }));
    expect(listed.overrides).toEqual([]);
    expect(listed.log.map((o: { state: string | null; previous: string | null }) => [o.state, o.previous])).toEqual([
      [null, 'unlock'],
      ['unlock', null],
    ]);
  });

  it("agrees with core's gateState over the snapshot GET /v1/state returns", async () => {
    const table: Array<{ userId: string; overrides: Record<string, GateOverrides>; expected: Record<string, [boolean, string]> }> = [
      { userId: 'newbie', overrides: {}, expected: { 'reports.advanced': [false, 'locked'], automations: [false, 'locked'] } },
      { userId: 'finisher', overrides: {}, expected: { 'reports.advanced': [true, 'condition'], automations: [true, 'condition'] } },
      {
        userId: 'vip',
        overrides: { 'reports.advanced': { account: 'unlock' } },
        expected: { 'reports.advanced': [true, 'override'], automations: [false, 'locked'] },
      },
      {
        userId: 'skeptic',
        overrides: { 'reports.advanced': { account: 'unlock', user: 'lock' } },
        expected: { 'reports.advanced': [false, 'override'], automations: [false, 'locked'] },
      },
      {
        userId: 'blocked',
        overrides: { 'reports.advanced': { user: 'lock' } },
        expected: { 'reports.advanced': [false, 'override'], automations: [true, 'condition'] },
      },
    ];
    for (const row of table) {
      const stateRes = await app.request(`/v1/state?key=${keys.secretKey}&userId=${row.userId}`);
      expect(stateRes.status).toBe(200);
      const { snapshot } = await readJson(stateRes);
      const facts = deriveFacts(config, snapshotFacts(snapshot, clock));
      const res = await gates(`userId=${row.userId}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const served = (await readJson(res)).gates;
      const expected = Object.fromEntries(
        config.gates.map((g) => {
          const { key: _key, ...s } = gateState(g, facts, row.overrides[g.key], config.checklists);
          return [g.key, { ...s, locked: g.locked, missing: explainCondition(g.unlock, facts) }];
        }),
      );
      expect(served, row.userId).toEqual(expected);
      expect(
        Object.fromEntries(Object.entries(served).map(([k, v]) => [k, [(v as { unlocked: boolean }).unlocked, (v as { reason: string }).reason]])),
        row.userId,
      ).toEqual(row.expected);
    }
  });

  it('with the public key, needs the userHash of the userId; the secret key reads any user', async () => {
    const browser = { Origin: origin };
    let res = await gates(`key=${keys.publicKey}&userId=vip`, browser);
    expect(res.status).toBe(401);
    expect((await readJson(res)).error).toMatchObject({ code: 'invalid_user_hash', field: 'userHash' });
    res = await gates(`key=${keys.publicKey}&userId=vip&userHash=${userHashFor(keys.secretKey, 'skeptic')}`, browser);
    expect(res.status).toBe(401);
    expect((await readJson(res)).error.code).toBe('invalid_user_hash');
    res = await gates(`key=${keys.publicKey}&userId=vip&userHash=${userHashFor(keys.secretKey, 'vip')}`, browser);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect((await readJson(res)).gates['reports.advanced'].unlocked).toBe(true);
    res = await gates(`key=${keys.publicKey}&userId=vip&userHash=${userHashFor(keys.secretKey, 'vip')}`, {});
    expect(res.status).toBe(403);
    res = await gates('userId=vip', secret());
    expect(res.status).toBe(200);
    res = await gates('userId=vip', {});
    expect(res.status).toBe(401);
    res = await gates('', secret());
    expect(res.status).toBe(400);
    expect((await readJson(res)).error).toMatchObject({ code: 'invalid_query', field: 'userId' });
    // The admin API takes the secret key only.
    res = await app.request('/v1/admin/gates/reports.advanced/overrides', { headers: { Authorization: `Bearer ${keys.publicKey}` } });
    expect(res.status).toBe(401);
  });

  it('answers 404 unknown_gate for a gate the current config does not have', async () => {
    let res = await putOverride('reports.pdf', { accountId: 'megacorp', state: 'unlock', by: 'csm@waymark.test' });
    expect(res.status).toBe(404);
    expect((await readJson(res)).error).toMatchObject({ code: 'unknown_gate', field: 'key' });
    res = await app.request('/v1/admin/gates/reports.pdf/overrides', { headers: secret() });
    expect(res.status).toBe(404);
    res = await gates('userId=vip&gate=reports.pdf');
    expect(res.status).toBe(404);
    expect((await readJson(res)).error).toMatchObject({ code: 'unknown_gate', field: 'gate' });
  });

  it('validates the override body, naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ accountId: 'megacorp', state: 'unlock' }, 'by'],
      [{ accountId: 'megacorp', state: 'open', by: 'x@y' }, 'state'],
      [{ accountId: 'megacorp', by: 'x@y' }, 'state'],
      [{ state: 'unlock', by: 'x@y' }, 'accountId'],
      [{ accountId: 'megacorp', userId: 'vip', state: 'unlock', by: 'x@y' }, 'accountId'],
      [{ accountId: '', state: 'unlock', by: 'x@y' }, 'accountId'],
      [{ accountId: 'megacorp', state: 'unlock', by: '  ' }, 'by'],
      [{ accountId: 'megacorp', state: 'unlock', by: 'x@y', colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await putOverride('reports.advanced', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await readJson(res)).error, JSON.stringify(body)).toMatchObject({ code: 'invalid_body', field });
    }
    const res = await app.request('/v1/admin/gates/reports.advanced/overrides', {
      method: 'PUT',
      headers: { ...secret(), 'Content-Type': 'application/json' },
      body: '{',
    });
    expect((await readJson(res)).error.code).toBe('invalid_json');
  });
});

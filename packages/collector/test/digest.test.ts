import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { enqueueWeeklyDigests } from '../src/alerts/enqueue-weekly-digests.js';
import { createCurrentConfigReader } from '../src/config/current-config.js';
import { defaultDeliveryOptions } from '../src/alerts/delivery-options.js';
import { sendDueDeliveries } from '../src/alerts/send-due-deliveries.js';
import { backends } from './backends.js';
import { day, groupMessage, iso, openTestApp, sendBatch, type TestApp } from './test-app.js';
import { post, readJson } from './fixtures.js';
import { onboardingConfig } from './onboarding-config.js';

// Monday of ISO week 2026-W10; accounts start the Monday before.
const monday = Date.parse('2026-03-02T00:00:00.000Z');
const start = monday - 7 * day;

describe.each(backends)('weekly digest on $name', (backend) => {
  let { db, keys, app } = {} as TestApp;
  let secret: Record<string, string>;
  // Wednesday of the week after: W10 is the last complete week.
  const clock = monday + 9 * day + 10 * 3_600_000;

  beforeAll(async () => {
    ({ db, keys, app } = await openTestApp(backend, {
      now: () => clock,
      config: { ...onboardingConfig, successPlans: [{ goals: [{ milestone: 'activated' }] }] },
    }));
    secret = { Authorization: `Bearer ${keys.secretKey}` };
    await sendBatch({ app, keys }, [
      groupMessage('ivy', 'initech', start, { name: 'Initech', csmOwner: 'dana@vendor.test' }),
      groupMessage('hal', 'hooli', start, { name: 'Hooli', owner: 'dana@vendor.test' }),
      // csmOwner beats owner: Eve's.
      groupMessage('gus', 'globex', start, { name: 'Globex', csmOwner: 'eve@vendor.test', owner: 'dana@vendor.test' }),
    ]);
    // Hooli's first user activated on Wednesday of W10 (account day 9); Initech never did (due day 7: overdue).
    await db.sql.query(`insert into progress (app_id, subject, kind, key, reached_at) values ($1, 'user:hal', 'milestone', 'activated', $2)`, [
      keys.appId,
      iso(monday + 2 * day),
    ]);
    // Rows the account summariser would write.
    await db.sql.query(
      `insert into account_flags (app_id, account_id, flag, kind, since, cleared_at) values
       ($1, 'initech', 'no-activity-7d', 'no-activity-7d', $2, null), ($1, 'hooli', 'usage-drop', 'usage-drop', $3, $4), ($1, 'globex', 'usage-drop', 'usage-drop', $2, null)`,
      [keys.appId, iso(monday + 3600_000), iso(monday - 3 * day), iso(monday + 4 * day)],
    );
    for (const [accountId, health, band] of [
      ['initech', 35, 'red'],
      ['hooli', 81, 'green'],
    ] as const) {
      await db.sql.query(
        `insert into account_summaries (app_id, account_id, name, start_at, day, phase, health, band, traits_md5, first_seen, next_day_at, updated_at)
         values ($1, $2, $2, $3, 16, 'onboarding', $4, $5, '', $3, $6, $6)`,
        [keys.appId, accountId, iso(start), health, band, iso(clock)],
      );
    }
    await db.sql.query(
      `insert into account_milestones (app_id, account_id, milestone, reached_at, day_reached, target_day, status) values ($1, 'hooli', 'activated', $2, 9, 7, 'late')`,
      [keys.appId, iso(monday + 2 * day)],
    );
  });
  afterAll(() => db.drop());

  it("answers an owner's digest as JSON: their accounts only (csmOwner, else owner)", async () => {
    const res = await app.request('/v1/admin/digest?owner=dana@vendor.test', { headers: secret });
    expect(res.status).toBe(200);
    const digest = await readJson(res);
    expect(digest.week).toEqual({ label: '2026-W10', start: iso(monday), end: iso(monday + 7 * day) });
    expect(digest.milestonesReached).toEqual([
      { accountId: 'hooli', name: 'Hooli', milestone: 'activated', milestoneName: 'Activated', at: iso(monday + 2 * day), day: 9, onTime: false },
    ]);
    expect(digest.overdueGoals).toEqual([
      { accountId: 'initech', name: 'Initech', milestone: 'activated', milestoneName: 'Activated', dueDay: 7, daysOverdue: 9, goalOwner: null },
    ]);
    expect(digest.totals.accounts).toBe(2);
    expect(digest.flagsRaised).toEqual([{ accountId: 'initech', name: 'Initech', flag: 'no-activity-7d', at: iso(monday + 3600_000) }]);
    expect(digest.flagsCleared).toEqual([{ accountId: 'hooli', name: 'Hooli', flag: 'usage-drop', at: iso(monday + 4 * day) }]);
    expect(digest.totals).toMatchObject({ red: 1, green: 1, yellow: 0, unscored: 0 });
    expect((await readJson(await app.request('/v1/admin/digest?owner=eve@vendor.test&week=2026-W10', { headers: secret }))).totals.accounts).toBe(1);
    expect((await readJson(await app.request('/v1/admin/digest?owner=dana@vendor.test&week=2026-W09', { headers: secret }))).milestonesReached).toEqual([]);
  });

  it('answers Markdown, and names a bad query parameter', async () => {
    const res = await app.request('/v1/admin/digest?owner=dana@vendor.test&format=markdown&week=2026-W10', { headers: secret });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await res.text();
    expect(text.startsWith('# Weekly digest: dana@vendor.test, 2026-W10\n\n2026-03-02 to 2026-03-08 · 2 accounts\n')).toBe(true);
    expect(text).toContain('## Milestones reached\n\n- Hooli: Activated on day 9 (late)\n');
    expect(text).toContain('## Overdue goals\n\n- Initech: Activated, due day 7, 9 days over\n');
    for (const [query, field] of [
      ['', 'owner'],
      ['?owner=d&format=pdf', 'format'],
      ['?owner=d&week=2026-10', 'week'],
      ['?owner=d&week=2025-W53', 'week'],
    ] as const) {
      const bad = await app.request(`/v1/admin/digest${query}`, { headers: secret });
      expect(bad.status).toBe(400);
      expect((await readJson(bad)).error).toMatchObject({ code: 'invalid_query', field });
    }
  });

  it('queues the weekly digest once per owner for digest.weekly subscriptions, and sends it', async () => {
    const received: Array<{ event: string; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ event: String(req.headers['waymark-event']), body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const subscribe = async (events: string[], format = 'json') => {
        const res = await app.request('/v1/admin/webhooks', post({ url, events, format, by: 'ops@vendor.test' }, secret));
        expect(res.status).toBe(201);
      };
      await subscribe(['digest.weekly']);
      await subscribe(['digest.weekly'], 'slack');
      await subscribe(['flag.raised']);
      const configs = createCurrentConfigReader(db.sql);
      // Not before afterMs into the week.
      expect(await enqueueWeeklyDigests(db.sql, configs, monday + 7 * day + 3_600_000, 9 * 3_600_000)).toBe(0);
      // Two owners × two subscriptions; a second run adds nothing.
      expect(await enqueueWeeklyDigests(db.sql, configs, clock, 9 * 3_600_000)).toBe(4);
      expect(await enqueueWeeklyDigests(db.sql, configs, clock, 9 * 3_600_000)).toBe(0);
      await sendDueDeliveries(db.sql, { ...defaultDeliveryOptions, now: () => clock });
      expect(received.map((r) => r.event)).toEqual(['digest.weekly', 'digest.weekly', 'digest.weekly', 'digest.weekly']);
      const json = received.map((r) => JSON.parse(r.body));
      const dana = json.find((b) => b.type === 'digest.weekly' && b.data.owner === 'dana@vendor.test');
      expect(dana).toMatchObject({
        id: 'evt_digest_2026-W10_dana@vendor.test',
        type: 'digest.weekly',
        appId: keys.appId,
        data: { week: { label: '2026-W10' }, totals: { accounts: 2, overdueGoals: 1 } },
      });
      const slack = json.filter((b) => 'blocks' in b);
      expect(slack).toHaveLength(2);
      expect(slack.map((b) => b.text).sort()[0]).toMatch(/^Weekly digest for dana@vendor.test, 2026-W10: 2 accounts, /);
      expect(slack[0].blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Weekly digest · 2026-W10' } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

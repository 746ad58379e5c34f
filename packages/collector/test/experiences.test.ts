import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/apps/apps.js';
import { compactRollups } from '../src/ingest/compact-rollups.js';
import { backends } from './backends.js';
import { readJson } from './fixtures.js';
import { onboardingConfig } from './onboarding-config.js';
import { csmSession, day, hour, openTestApp, sendBatch, trackMessage, type TestApp } from './test-app.js';

// The announcement is published on this day; the guides' timeline comes before it, so its users
// are not active while the announcement runs.
const t0 = Date.parse('2026-03-02T09:00:00.000Z');
const clock = t0 + 60 * day;

const config = {
  ...onboardingConfig,
  features: [...onboardingConfig.features, { key: 'automations', name: 'Automations', tier: 'advanced', events: ['Automation Created'] }],
  announcements: [
    {
      key: 'automations-news',
      title: "What's new: Automations",
      body: 'Let Automations file the next tasks for you.',
      kind: 'slideout',
      feature: 'automations',
      published: '2026-03-02',
      action: { type: 'guide', label: 'Show me', guide: 'invite' },
    },
    { key: 'csv-export', title: 'Faster CSV exports', body: 'Exports are ten times faster.', kind: 'banner' },
  ],
};

describe.each(backends)('the experiences report on $name', (backend) => {
  let t = {} as TestApp;
  let secret: Record<string, string>;
  const at = (userId: string, days: number, event: string, properties: Record<string, unknown> = {}) =>
    trackMessage(userId, 'initech', t0 + days * day, event, properties);
  const seen = (userId: string, days: number, announcement = 'automations-news') => at(userId, days, 'Announcement Seen', { announcement });
  const auto = (userId: string, days: number, guide: string) =>
    at(userId, days, 'Experience Started', { experience: `guide:${guide}`, kind: 'guide', key: guide, trigger: 'page', session: 's1' });
  const item = (userId: string, days: number, name: string) => at(userId, days, 'Checklist Item Completed', { checklist: 'getting-started', item: name });
  const guide = (userId: string, days: number, event: string, key = 'create-project') => at(userId, days, event, { guide: key });
  async function report(query = '') {
    const res = await t.app.request(`/v1/admin/experiences${query}`, { headers: secret });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return readJson(res);
  }

  beforeAll(async () => {
    t = await openTestApp(backend, { now: () => clock, config });
    secret = { Authorization: `Bearer ${t.keys.secretKey}` };
    await sendBatch(t, [
      // Guides, before the announcement. p1: started by its trigger, completed, then did the item.
      auto('p1', -20, 'create-project'),
      guide('p1', -20, 'Guide Started'),
      guide('p1', -20 + 0.01, 'Guide Completed'),
      item('p1', -20 + 0.02, 'create-project'),
      guide('p1', -19, 'Guide Started', 'legacy-tour'),
      // p2: had done the item on another device, then started the guide by hand and dismissed it.
      item('p2', -19 - 0.1, 'create-project'),
      guide('p2', -19, 'Guide Started'),
      guide('p2', -19 + 0.01, 'Guide Dismissed'),
      // p3: started by its trigger, again by hand the next day, completed; the item 16 days after the first start.
      auto('p3', -18, 'create-project'),
      guide('p3', -18, 'Guide Started'),
      guide('p3', -17, 'Guide Started'),
      guide('p3', -17 + 0.01, 'Guide Completed'),
      item('p3', -2, 'create-project'),
      // Saw it on day 0, clicked, used Automations (tagged) on day 3.
      at('ana', 0, 'Experience Started', {
        experience: 'announcement:automations-news',
        kind: 'announcement',
        key: 'automations-news',
        trigger: 'page',
        session: 's2',
      }),
      seen('ana', 0),
      at('ana', 0.01, 'Announcement Clicked', { announcement: 'automations-news', action: 'guide' }),
      at('ana', 3, 'Feature Used', { feature: 'automations' }),
      seen('ana', 1, 'csv-export'),
      // Saw it on days 1 and 2; the first automation on day 20, 19 days after first seeing it.
      seen('ben', 1),
      seen('ben', 2),
      at('ben', 20, 'Automation Created'),
      // Saw it, dismissed it, never used the feature.
      seen('cal', 2),
      at('cal', 2 + hour / day, 'Announcement Dismissed', { announcement: 'automations-news' }),
      // Had used Automations before the announcement: reached, but not in the comparison.
      at('dee', -5, 'Automation Created'),
      seen('dee', 1),
      at('dee', 4, 'Automation Created'),
      // Never saw it. eve: first active on day 4, adopted on day 6.
      at('eve', 4, 'Project Created'),
      at('eve', 6, 'Automation Created'),
      // fay: active on day 5, never used it; saw an announcement no longer in the config.
      at('fay', 5, 'Project Created'),
      seen('fay', 5, 'old-news'),
      // hal: first active on day 10, used it on day 30 (20 days later).
      at('hal', 10, 'Task Added'),
      at('hal', 30, 'Feature Used', { feature: 'automations' }),
      // gus: active only before the announcement was published: not eligible.
      at('gus', -3, 'Project Created'),
    ]);
  });
  afterAll(() => t.db.drop());

  it('counts the guides: reach, started by a trigger, completed, dismissed, and the goal reached after', async () => {
    const r = await report();
    expect(r.days).toBe(14);
    expect(r.guides).toEqual([
      {
        key: 'create-project',
        title: 'Create a project',
        started: 3,
        autoStarted: 2,
        completed: 2,
        dismissed: 1,
        completionRate: 2 / 3,
        goal: { checklist: 'getting-started', item: 'create-project', reachedAfter: 1, rate: 1 / 3 },
      },
      {
        key: 'invite',
        title: 'Invite',
        started: 0,
        autoStarted: 0,
        completed: 0,
        dismissed: 0,
        goal: { checklist: 'getting-started', item: 'invite', reachedAfter: 0 },
      },
      { key: 'legacy-tour', title: 'legacy-tour', started: 1, autoStarted: 0, completed: 0, dismissed: 0, completionRate: 0, goal: null },
    ]);
    // With 30 days p3's item, 16 days after the first start, counts.
    expect((await report('?days=30')).guides[0].goal.reachedAfter).toBe(2);
  });

  it('counts the announcements: reach, click-through, and adoption by those who saw it against eligible users who did not', async () => {
    const r = await report();
    expect(r.announcements).toEqual([
      {
        key: 'automations-news',
        title: "What's new: Automations",
        kind: 'slideout',
        seen: 4,
        clicked: 1,
        dismissed: 1,
        clickThrough: 0.25,
        dismissRate: 0.25,
        feature: { key: 'automations', days: 14, seen: { users: 3, adopted: 1, rate: 1 / 3 }, notSeen: { users: 3, adopted: 1, rate: 1 / 3 } },
      },
      { key: 'csv-export', title: 'Faster CSV exports', kind: 'banner', seen: 1, clicked: 0, dismissed: 0, clickThrough: 0, dismissRate: 0, feature: null },
      { key: 'old-news', title: 'old-news', kind: null, seen: 1, clicked: 0, dismissed: 0, clickThrough: 0, dismissRate: 0, feature: null },
    ]);
    // The same once the usage rollups are folded.
    await compactRollups(t.db.sql);
    expect((await report()).announcements).toEqual(r.announcements);
    const month = await report('?days=30');
    expect(month.announcements[0].feature).toEqual({
      key: 'automations',
      days: 30,
      seen: { users: 3, adopted: 2, rate: 2 / 3 },
      notSeen: { users: 3, adopted: 2, rate: 2 / 3 },
    });
    const week = await report('?days=1');
    expect(week.announcements[0].feature.seen).toEqual({ users: 3, adopted: 0, rate: 0 });
  });

  it('measures the comparison from the first sight when the announcement has no published date', async () => {
    const unpublished = { ...config, announcements: [{ ...config.announcements[0], published: undefined }] };
    const put = await t.app.request('/v1/admin/config', {
      method: 'PUT',
      headers: { ...secret, 'Content-Type': 'application/json' },
      body: JSON.stringify(unpublished),
    });
    expect(put.status).toBe(201);
    // Since day 0 (ana's first sight) the same users were active; gus still was not.
    expect((await report()).announcements[0].feature.notSeen).toEqual({ users: 3, adopted: 1, rate: 1 / 3 });
    const restore = await t.app.request('/v1/admin/config', {
      method: 'PUT',
      headers: { ...secret, 'Content-Type': 'application/json' },
      body: JSON.stringify(config),
    });
    expect(restore.status).toBe(201);
  });

  it('names a bad days parameter', async () => {
    for (const days of ['0', '91', '2.5', 'soon']) {
      const res = await t.app.request(`/v1/admin/experiences?days=${days}`, { headers: secret });
      expect(res.status).toBe(400);
      expect((await readJson(res)).error).toMatchObject({ code: 'invalid_query', field: 'days' });
    }
  });

  it('refuses a public key and a logged-out request, and shows a CSM only their apps', async () => {
    expect([401, 403]).toContain((await t.app.request('/v1/admin/experiences', { headers: { Authorization: `Bearer ${t.keys.publicKey}` } })).status);
    expect((await t.app.request('/v1/admin/experiences')).status).toBe(401);
    const cookie = { Cookie: await csmSession(t, 'cy@waymark.test', clock) };
    const mine = await t.app.request(`/v1/admin/experiences?appId=${t.keys.appId}&days=7`, { headers: cookie });
    expect(mine.status).toBe(200);
    expect((await readJson(mine)).announcements[0].feature.days).toBe(7);
    const other = await createApp(t.db.sql, { name: 'Globex', origins: [] });
    const theirs = await t.app.request(`/v1/admin/experiences?appId=${other.appId}`, { headers: cookie });
    expect(theirs.status).toBe(404);
    expect((await readJson(theirs)).error.code).toBe('app_not_found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createCollectorApp } from '../src/http/create-collector-app.js';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/store/apps.js';
import { createCurrentConfigReader, type CurrentConfigReader } from '../src/store/current-config.js';
import { compactRollups } from '../src/store/compact-rollups.js';
import { markStuckUsers } from '../src/store/mark-stuck-users.js';
import { summariseAccount } from '../src/summaries/summarise-account.js';
import { summariseAccounts } from '../src/summaries/summarise-accounts.js';
import { backends, type TestDatabase } from './backends.js';
import { post, readJson } from './fixtures.js';

const hour = 3_600_000;
const day = 24 * hour;
// Day 0 of every account below is 2026-01-05 (UTC: no time zone trait).
const t0 = Date.parse('2026-01-05T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** When the stuck sweep and the summariser run on account day `d` (after that day's events). */
const roundAt = (d: number) => t0 + d * day + 10 * hour;
const lastDay = 33;

// No milestones, so no milestone-overdue flag; add-tasks escalates after 2 days (users-stuck).
const config = {
  version: 1,
  features: [
    { key: 'projects.create', name: 'Create a project', tier: 'basic', events: ['Project Created'] },
    { key: 'tasks.add', name: 'Add tasks', tier: 'basic', events: ['Task Added'] },
  ],
  milestones: [],
  checklists: [{ key: 'getting-started', title: 'Getting started', items: [{ key: 'add-tasks', title: 'Add three tasks', done: { event: 'Task Added', count: { gte: 3 } } }] }],
  guides: [],
  nudges: [{ key: 'tasks-help', for: { checklist: 'getting-started', item: 'add-tasks' }, escalate: { afterDays: 2 } }],
};

type Message = Record<string, unknown>;
const track = (userId: string, groupId: string, at: number, event: string, properties: Record<string, unknown> = {}): Message => ({
  type: 'track',
  messageId: randomUUID(),
  userId,
  event,
  properties,
  timestamp: iso(at),
  context: { groupId },
});
const group = (userId: string, groupId: string, traits: Record<string, unknown>): Message => ({
  type: 'group',
  messageId: randomUUID(),
  userId,
  groupId,
  timestamp: iso(t0),
  traits: { name: groupId, createdAt: iso(t0), ...traits },
});
/** Each user of `users` does `event` once on day `d` (a minute apart, from 09:00). */
const active = (groupId: string, users: readonly string[], d: number, event = 'Project Created') =>
  users.map((u, i) => track(u, groupId, t0 + d * day + i * 60_000, event));

/**
 * The script: the events of each account on account day `d`, sent before that day's round.
 * - `dropper`: 3 users a day, then 1 a day on days 14–20, then 3 again. Active user-days of the
 *   week before (W₋₁) against the one before it (W₋₂): day 20 has 9 against 21 (usage-drop raised);
 *   day 22 has 9 against 19 (still ≤ half); day 23 has 11 against 17 (cleared).
 * - `fader`: one user every day until day 13, nobody on days 14–21, back on day 22. Activity falls
 *   a seventh a day from day 14 (and depth from day 19), so health falls on days 14–20 (raised on
 *   day 20) and 21, and rises on day 22 (cleared). W₋₂ is at most 7, under the base of 10: no usage-drop.
 * - `seater`: 10 seats, 4 users every day: 0.4 seat activation, flagged from day 30; 2 more users
 *   use a core feature on day 32 (0.6, cleared).
 * - `sticky`: ada and bob visit every day; ada is stuck on add-tasks on day 3 (the SDK's `User
 *   Stuck`), marked by the sweep on day 5 (2 days later: raised), and adds her tasks on day 8 (cleared).
 */
function eventsOn(d: number): Message[] {
  const events: Message[] = [];
  if (d === 0) {
    events.push(group('dee', 'dropper', {}), group('fay', 'fader', {}), group('sam', 'seater', { seats: 10 }), group('ada', 'sticky', {}));
    events.push(track('ada', 'sticky', t0 + hour, 'Project Created'));
  }
  events.push(...active('dropper', d >= 14 && d <= 20 ? ['dee'] : ['dee', 'dan', 'dot'], d, d % 2 === 0 ? 'Project Created' : 'Task Added'));
  if (d <= 13 || d >= 22) events.push(...active('fader', ['fay'], d, d === 0 ? 'Task Added' : 'Project Created'));
  events.push(...active('seater', ['sam', 'sue', 'sid', 'sol'], d));
  if (d === 32) events.push(...active('seater', ['sky', 'sy'], d, 'Task Added'));
  events.push(...active('sticky', ['ada', 'bob'], d, 'Page Viewed'));
  if (d === 3) events.push(track('ada', 'sticky', t0 + 3 * day + 2 * hour, 'User Stuck', { checklist: 'getting-started', item: 'add-tasks', reason: 'idle-on-step' }));
  if (d === 8) {
    for (let n = 1; n <= 3; n++) events.push(track('ada', 'sticky', t0 + 8 * day + n * hour, 'Task Added'));
    events.push(track('ada', 'sticky', t0 + 8 * day + 3 * hour, 'Checklist Item Completed', { checklist: 'getting-started', item: 'add-tasks' }));
  }
  return events;
}

interface FlagRow {
  flag: string;
  kind: string;
  since: string;
  clearedAt: string | null;
}
interface OutboxRow {
  kind: string;
  flag: string;
  since: string;
  clearedAt: string | undefined;
  day: number;
  createdAt: string;
}

describe.each(backends)('early-warning flags over a scripted timeline on $name', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof createCollectorApp>;
  let keys: AppKeys;
  let currentConfig: CurrentConfigReader;
  // Events are sent "later", so none of their timestamps is in the collector's future.
  const clock = t0 + 400 * day;
  const origin = 'https://app.acme.test';
  /** Account → flag key → the account days on which the summary held it. */
  const held = new Map<string, Map<string, number[]>>();

  async function send(batch: unknown[]) {
    const res = await app.request('/v1/batch', post({ writeKey: keys.publicKey, batch }, { Origin: origin }));
    expect(res.status).toBe(200);
    expect((await readJson(res)).accepted).toBe(batch.length);
  }
  const summarise = (now: number) => summariseAccounts(db.sql, now, currentConfig);
  async function sweep(now: number) {
    const current = await currentConfig(keys.appId);
    return markStuckUsers(db.sql, keys.appId, current!, now);
  }
  async function recordHeld(d: number) {
    const { rows } = await db.sql.query<{ account_id: string; day: number; flags: Array<{ key: string }> }>(
      'select account_id, day, flags from account_summaries where app_id = $1',
      [keys.appId],
    );
    for (const r of rows) {
      expect(r.day).toBe(d);
      let byFlag = held.get(r.account_id);
      if (!byFlag) held.set(r.account_id, (byFlag = new Map()));
      for (const f of r.flags) byFlag.set(f.key, [...(byFlag.get(f.key) ?? []), d]);
    }
  }
  async function flagRows(accountId: string): Promise<FlagRow[]> {
    const { rows } = await db.sql.query<{ flag: string; kind: string; since: Date | string; cleared_at: Date | string | null }>(
      'select flag, kind, since, cleared_at from account_flags where app_id = $1 and account_id = $2 order by since, flag',
      [keys.appId, accountId],
    );
    return rows.map((r) => ({ flag: r.flag, kind: r.kind, since: iso(new Date(r.since).getTime()), clearedAt: r.cleared_at === null ? null : iso(new Date(r.cleared_at).getTime()) }));
  }
  async function outbox(accountId: string): Promise<OutboxRow[]> {
    const { rows } = await db.sql.query<{ kind: string; flag: string; created_at: Date | string; payload: { since: string; clearedAt?: string; day: number; flag: string } }>(
      'select kind, flag, payload, created_at from alert_outbox where app_id = $1 and account_id = $2 order by id',
      [keys.appId, accountId],
    );
    return rows.map((r) => {
      expect(r.payload.flag).toBe(r.flag);
      return { kind: r.kind, flag: r.flag, since: r.payload.since, clearedAt: r.payload.clearedAt, day: r.payload.day, createdAt: iso(new Date(r.created_at).getTime()) };
    });
  }
  const countOutbox = async () => (await db.sql.query<{ n: number }>('select count(*)::int as n from alert_outbox where app_id = $1', [keys.appId])).rows[0]!.n;
  const daysHeld = (accountId: string, flag: string) => held.get(accountId)?.get(flag) ?? [];
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  /** The flag raised on day `raised` and cleared on day `cleared`, once each, in account_flags and the outbox. */
  async function expectRaisedAndCleared(accountId: string, flag: string, raised: number, cleared: number) {
    expect(daysHeld(accountId, flag)).toEqual(range(raised, cleared - 1));
    expect(await flagRows(accountId)).toEqual([{ flag, kind: flag, since: iso(roundAt(raised)), clearedAt: iso(roundAt(cleared)) }]);
    expect(await outbox(accountId)).toEqual([
      { kind: 'flag.raised', flag, since: iso(roundAt(raised)), clearedAt: undefined, day: raised, createdAt: iso(roundAt(raised)) },
      { kind: 'flag.cleared', flag, since: iso(roundAt(raised)), clearedAt: iso(roundAt(cleared)), day: cleared, createdAt: iso(roundAt(cleared)) },
    ]);
  }

  beforeAll(async () => {
    db = await backend.open();
    app = createCollectorApp({ sql: db.sql, log: silentLogger, now: () => clock });
    keys = await createApp(db.sql, { name: 'Acme', origins: [origin] });
    currentConfig = createCurrentConfigReader(db.sql);
    const secret = { Authorization: `Bearer ${keys.secretKey}` };
    const pushed = await app.request('/v1/admin/config', { method: 'PUT', headers: { ...secret, 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
    expect(pushed.status, await pushed.clone().text()).toBe(201);
    // app_configs.created_at is the database's clock (today), later than every round of this
    // timeline, which would make all the app's accounts due in every round: date it before day 0.
    await db.sql.query('update app_configs set created_at = $2 where app_id = $1', [keys.appId, iso(t0 - day)]);
    // Day by day: that day's events, the stuck sweep, a round, and a second round an hour later
    // (usage deltas are never compacted here, so it recomputes every account: a re-run).
    for (let d = 0; d <= lastDay; d++) {
      await send(eventsOn(d));
      await sweep(roundAt(d));
      expect((await summarise(roundAt(d))).accounts).toBe(4);
      await recordHeld(d);
      const before = await countOutbox();
      expect((await summarise(roundAt(d) + hour)).accounts).toBe(4);
      expect(await countOutbox()).toBe(before);
    }
  });
  afterAll(() => db.drop());

  it('raises usage-drop when the last week has half the active user-days of the one before, and clears it when usage recovers', async () => {
    await expectRaisedAndCleared('dropper', 'usage-drop', 20, 23);
  });

  it('raises health-falling after 7 days of falling health, and clears it when health rises', async () => {
    const { rows } = await db.sql.query<{ day: number; health: number }>(
      'select day, health from account_health_daily where app_id = $1 and account_id = $2 and day between 13 and 22 order by day',
      [keys.appId, 'fader'],
    );
    const scores = rows.map((r) => r.health);
    for (let i = 1; i < 9; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
    expect(scores[9]!).toBeGreaterThan(scores[8]!);
    await expectRaisedAndCleared('fader', 'health-falling', 20, 22);
  });

  it('raises low-seat-activation on day 30 with under half the seats active, and clears it when enough users activate', async () => {
    await expectRaisedAndCleared('seater', 'low-seat-activation', 30, 32);
  });

  it('raises users-stuck when the sweep marks a stuck user, and clears it when the item is done', async () => {
    const { rows } = await db.sql.query<{ actor: string; first_stuck_at: Date | string; marked_at: Date | string; cleared_at: Date | string }>(
      'select actor, first_stuck_at, marked_at, cleared_at from stuck_users where app_id = $1 and account_id = $2',
      [keys.appId, 'sticky'],
    );
    expect(rows.map((r) => [r.actor, iso(new Date(r.first_stuck_at).getTime()), iso(new Date(r.marked_at).getTime()), iso(new Date(r.cleared_at).getTime())])).toEqual([
      ['ada', iso(t0 + 3 * day + 2 * hour), iso(roundAt(5)), iso(roundAt(8))],
    ]);
    await expectRaisedAndCleared('sticky', 'users-stuck', 5, 8);
  });

  it('picks up a user marked stuck between day rollovers, and writes nothing new when run again', async () => {
    // The usual days go on, with rollups compacted so only what changed makes an account due. bob
    // gets stuck on day 34; the sweep marks him on day 36 at 22:00, after that day's round.
    for (const d of [34, 35, 36]) {
      await send([...eventsOn(d), ...(d === 34 ? [track('bob', 'sticky', t0 + 34 * day + hour, 'User Stuck', { checklist: 'getting-started', item: 'add-tasks', reason: 'rage-clicks' })] : [])]);
      await compactRollups(db.sql);
      expect((await summarise(roundAt(d))).accounts).toBe(4);
    }
    const markedAt = roundAt(36) + 3 * hour;
    expect((await summarise(markedAt - hour)).accounts).toBe(0);
    expect(await sweep(markedAt)).toEqual({ marked: 1, cleared: 0 });
    expect((await summarise(markedAt)).accounts).toBe(1);
    const rows = await flagRows('sticky');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ flag: 'users-stuck', kind: 'users-stuck', since: iso(markedAt), clearedAt: null });

    // Forced recomputes of every account at the same moment and later that day change no flag.
    const before = await countOutbox();
    const flagsBefore = await db.sql.query('select * from account_flags where app_id = $1 order by account_id, flag, since', [keys.appId]);
    for (const accountId of ['dropper', 'fader', 'seater', 'sticky']) {
      expect(await summariseAccount(db.sql, keys.appId, accountId, currentConfig, markedAt)).toBe(true);
      expect(await summariseAccount(db.sql, keys.appId, accountId, currentConfig, markedAt + 2 * hour)).toBe(true);
    }
    expect(await countOutbox()).toBe(before);
    expect((await db.sql.query('select * from account_flags where app_id = $1 order by account_id, flag, since', [keys.appId])).rows).toEqual(flagsBefore.rows);
    const sticky = await outbox('sticky');
    expect(sticky.map((r) => [r.kind, r.flag, r.day])).toEqual([
      ['flag.raised', 'users-stuck', 5],
      ['flag.cleared', 'users-stuck', 8],
      ['flag.raised', 'users-stuck', 36],
    ]);
  });
});

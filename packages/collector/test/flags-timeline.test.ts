import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { silentLogger } from '../src/log.js';
import { createApp } from '../src/apps/apps.js';
import { createCurrentConfigReader, type CurrentConfigReader } from '../src/config/current-config.js';
import { compactRollups } from '../src/ingest/compact-rollups.js';
import { markStuckUsers } from '../src/stuck/mark-stuck-users.js';
import { summariseAccount } from '../src/analytics/summarise-account.js';
import { summariseAccounts } from '../src/analytics/summarise-accounts.js';
import { backends, type TestDatabase } from './backends.js';
import { hour, day, iso, origin, trackMessage, type TestApp } from './test-app.js';
import { post, readJson, collectorApp } from './fixtures.js';

// Day 0 of every account below is 2026-01-05 (UTC: no time zone trait).
const t0 = Date.parse('2026-01-05T09:00:00.000Z');
/** When the stuck sweep and the summariser run on account day `d` (after that day's events). */
const roundAt = (d: number) => t0 + d * day + 10 * hour;
/** When account day `d` begins (UTC midnight): what a flag computed from the daily series is dated by. */
const dayStart = (d: number) => t0 - 9 * hour + d * day;
const lastDay = 38;
const accounts = ['dropper', 'quiet', 'never', 'seater', 'fader', 'sticky'];

// No milestones, so no milestone-overdue flag; add-tasks escalates after 2 days (users-stuck).
const config = {
  version: 1,
  features: [
    { key: 'projects.create', name: 'Create a project', tier: 'basic', events: ['Project Created'] },
    { key: 'tasks.add', name: 'Add tasks', tier: 'basic', events: ['Task Added'] },
  ],
  milestones: [],
  checklists: [
    {
      key: 'getting-started',
      title: 'Getting started',
      items: [{ key: 'add-tasks', title: 'Add three tasks', done: { event: 'Task Added', count: { gte: 3 } } }],
    },
  ],
  guides: [],
  nudges: [{ key: 'tasks-help', for: { checklist: 'getting-started', item: 'add-tasks' }, escalate: { afterDays: 2 } }],
};

type Message = Record<string, unknown>;
const track = trackMessage;
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

/** Users named `${prefix}0` … `${prefix}${n - 1}`. */
const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
// fader's users per day on days 28–34: a slow fade, never under half of the usual 10.
const fade = [8, 7, 7, 6, 6, 6, 6];

/**
 * The script: the events of each account on account day `d`, sent before that day's round.
 * - `dropper`: 6 users a day, 1 a day on days 21–29, then 6 again. Days 20–22 have 8 active
 *   user-days against 18 usual (at most half, and P(X ≤ 8 | 18) = 0.007 is under 0.01): usage-drop
 *   raised on day 23. It holds for the 9 low days (a week-over-week comparison let go after one), and
 *   clears on day 35, when the last 7 whole days (days 28–34: 32) are back to 75% of the usual 42.
 * - `quiet`: 3 users a day until day 14, nobody on days 15–24, back on day 25. Days 15 and 16 have
 *   none of the 6 usual user-days (e^-6 < 0.01): went-quiet raised on day 17, cleared on day 25.
 * - `never`: set up on day 0 (a group call), nobody uses it until day 6: no-activity from day 3
 *   (days 0–2 over) to day 6.
 * - `seater`: 10 seats, 3 users every day: 3 of 10 seats active (under 0.4) from day 30; 2 more
 *   users on day 31 make 5 of 10 in the 28 whole days before day 32 (cleared).
 * - `fader`: 10 users a day, fading on days 28–34 (8, 7, 7, 6, 6, 6, 6), 10 again from day 35. Its
 *   activity (the last 7 whole days against the usual 70) falls every day from day 29 to 35, and with
 *   it the score (no seats, milestones or stuck users: activity is half the weight): health-falling on
 *   day 36; day 36's score rises (day 35 is back to 10), cleared on day 37. Never under half: no usage-drop.
 * - `sticky`: ada and bob visit every day; ada is stuck on add-tasks on day 3 (the SDK's `User
 *   Stuck`), marked by the sweep on day 5 (2 days later: raised), and adds her tasks on day 8 (cleared).
 */
function eventsOn(d: number): Message[] {
  const events: Message[] = [];
  if (d === 0) {
    events.push(group('dee0', 'dropper', {}), group('qi0', 'quiet', {}), group('nat', 'never', {}), group('sam', 'seater', { seats: 10 }));
    events.push(group('fa0', 'fader', {}), group('ada', 'sticky', {}));
    events.push(track('ada', 'sticky', t0 + hour, 'Project Created'));
  }
  const alternate = d % 2 === 0 ? 'Project Created' : 'Task Added';
  events.push(...active('dropper', users('dee', d >= 21 && d <= 29 ? 1 : 6), d, alternate));
  if (d <= 14 || d >= 25) events.push(...active('quiet', users('qi', 3), d, alternate));
  if (d >= 6) events.push(...active('never', ['nat', 'ned'], d, alternate));
  events.push(...active('seater', ['sam', 'sue', 'sid'], d));
  if (d === 31) events.push(...active('seater', ['sky', 'sy'], d, 'Task Added'));
  events.push(...active('fader', users('fa', fade[d - 28] ?? 10), d, alternate));
  events.push(...active('sticky', ['ada', 'bob'], d, 'Page Viewed'));
  if (d === 3)
    events.push(track('ada', 'sticky', t0 + 3 * day + 2 * hour, 'User Stuck', { checklist: 'getting-started', item: 'add-tasks', reason: 'idle-on-step' }));
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
  let { db, keys, app } = {} as TestApp;
  let currentConfig: CurrentConfigReader;
  // Events are sent "later", so none of their timestamps is in the collector's future.
  const clock = t0 + 400 * day;
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
      const byFlag = held.get(r.account_id) ?? new Map<string, number[]>();
      for (const f of r.flags) byFlag.set(f.key, [...(byFlag.get(f.key) ?? []), d]);
      held.set(r.account_id, byFlag);
    }
  }
  async function flagRows(accountId: string): Promise<FlagRow[]> {
    const { rows } = await db.sql.query<{ flag: string; kind: string; since: Date | string; cleared_at: Date | string | null }>(
      'select flag, kind, since, cleared_at from account_flags where app_id = $1 and account_id = $2 order by since, flag',
      [keys.appId, accountId],
    );
    return rows.map((r) => ({
      flag: r.flag,
      kind: r.kind,
      since: iso(new Date(r.since).getTime()),
      clearedAt: r.cleared_at === null ? null : iso(new Date(r.cleared_at).getTime()),
    }));
  }
  async function outbox(accountId: string): Promise<OutboxRow[]> {
    const { rows } = await db.sql.query<{
      kind: string;
      flag: string;
      created_at: Date | string;
      payload: { since: string; clearedAt?: string; day: number; flag: string };
    }>('select kind, flag, payload, created_at from alert_outbox where app_id = $1 and account_id = $2 order by id', [keys.appId, accountId]);
    return rows.map((r) => {
      expect(r.payload.flag).toBe(r.flag);
      return {
        kind: r.kind,
        flag: r.flag,
        since: r.payload.since,
        clearedAt: r.payload.clearedAt,
        day: r.payload.day,
        createdAt: iso(new Date(r.created_at).getTime()),
      };
    });
  }
  const countOutbox = async () => (await db.sql.query<{ n: number }>('select count(*)::int as n from alert_outbox where app_id = $1', [keys.appId])).rows[0]!.n;
  const daysHeld = (accountId: string, flag: string) => held.get(accountId)?.get(flag) ?? [];
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  /**
   * The flag raised on day `raised` and cleared on day `cleared`, once each, in account_flags and the
   * outbox. Flags from the daily series are dated by the start of those days; users-stuck, which has
   * no series, by the rounds that saw it.
   */
  async function expectRaisedAndCleared(accountId: string, flag: string, raised: number, cleared: number) {
    const dated = flag === 'users-stuck' ? roundAt : dayStart;
    expect(daysHeld(accountId, flag)).toEqual(range(raised, cleared - 1));
    expect((await flagRows(accountId)).filter((r) => r.flag === flag)).toEqual([
      { flag, kind: flag, since: iso(dated(raised)), clearedAt: iso(dated(cleared)) },
    ]);
    expect((await outbox(accountId)).filter((r) => r.flag === flag)).toEqual([
      { kind: 'flag.raised', flag, since: iso(dated(raised)), clearedAt: undefined, day: raised, createdAt: iso(roundAt(raised)) },
      { kind: 'flag.cleared', flag, since: iso(dated(raised)), clearedAt: iso(roundAt(cleared)), day: cleared, createdAt: iso(roundAt(cleared)) },
    ]);
  }

  beforeAll(async () => {
    db = await backend.open();
    app = collectorApp({ sql: db.sql, log: silentLogger, now: () => clock });
    keys = await createApp(db.sql, { name: 'Acme', origins: [origin] });
    currentConfig = createCurrentConfigReader(db.sql);
    const secret = { Authorization: `Bearer ${keys.secretKey}` };
    const pushed = await app.request('/v1/admin/config', {
      method: 'PUT',
      headers: { ...secret, 'Content-Type': 'application/json' },
      body: JSON.stringify(config),
    });
    expect(pushed.status, await pushed.clone().text()).toBe(201);
    // app_configs.created_at is the database's clock (today), later than every round of this
    // timeline, which would make all the app's accounts due in every round: date it before day 0.
    await db.sql.query('update app_configs set created_at = $2 where app_id = $1', [keys.appId, iso(t0 - day)]);
    // Day by day: that day's events, the stuck sweep, a round, and a second round an hour later
    // (usage deltas are never compacted here, so it recomputes every account: a re-run).
    for (let d = 0; d <= lastDay; d++) {
      await send(eventsOn(d));
      await sweep(roundAt(d));
      expect((await summarise(roundAt(d))).accounts).toBe(accounts.length);
      await recordHeld(d);
      const before = await countOutbox();
      // (never has no usage before day 6, so nothing makes it due again within the day.)
      expect((await summarise(roundAt(d) + hour)).accounts).toBe(d < 6 ? accounts.length - 1 : accounts.length);
      expect(await countOutbox()).toBe(before);
    }
  });
  afterAll(() => db.drop());

  it('raises usage-drop days after usage falls under half its usual level, holds it while usage stays low, and clears it on recovery', async () => {
    await expectRaisedAndCleared('dropper', 'usage-drop', 23, 35);
    expect((await flagRows('dropper')).map((r) => r.flag)).toEqual(['usage-drop']);
  });

  it('raises went-quiet when an account that was active has nobody active for longer than is usual for it, and clears it when someone is back', async () => {
    await expectRaisedAndCleared('quiet', 'went-quiet', 17, 25);
    // Nobody active is also use far below its usual level, from day 18 until the last 7 days are back to 75% (day 31).
    expect((await flagRows('quiet')).map((r) => [r.flag, r.since, r.clearedAt])).toEqual([
      ['went-quiet', iso(dayStart(17)), iso(dayStart(25))],
      ['usage-drop', iso(dayStart(18)), iso(dayStart(31))],
    ]);
    const { rows } = await db.sql.query<{ day: number; health: number; band: string }>(
      'select day, health, band from account_health_daily where app_id = $1 and account_id = $2 and day between 17 and 24 order by day',
      [keys.appId, 'quiet'],
    );
    expect(rows.every((r) => r.health <= 50 && r.band === 'red')).toBe(true);
  });

  it('raises no-activity when nobody has used a new account in its first 3 days, and clears it on the first use', async () => {
    await expectRaisedAndCleared('never', 'no-activity', 3, 6);
  });

  it('raises few-seats-active from day 30 with under 40% of the seats active in 28 days, and clears it when more are', async () => {
    await expectRaisedAndCleared('seater', 'few-seats-active', 30, 32);
  });

  it('raises health-falling after 7 days of falling health, and clears it when health rises', async () => {
    const { rows } = await db.sql.query<{ day: number; health: number }>(
      'select day, health from account_health_daily where app_id = $1 and account_id = $2 and day between 28 and 36 order by day',
      [keys.appId, 'fader'],
    );
    const scores = rows.map((r) => r.health);
    for (let i = 1; i < 8; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
    expect(scores[8]!).toBeGreaterThan(scores[7]!);
    await expectRaisedAndCleared('fader', 'health-falling', 36, 37);
    expect((await flagRows('fader')).map((r) => r.flag)).toEqual(['health-falling']);
  });

  it('gives the same flags, dates, reasons and health when the same events arrive as one late backfill', async () => {
    const other = await backend.open();
    try {
      const late = collectorApp({ sql: other.sql, log: silentLogger, now: () => clock });
      const lateKeys = await createApp(other.sql, { name: 'Acme', origins: [origin] });
      const pushed = await late.request('/v1/admin/config', {
        method: 'PUT',
        headers: { Authorization: `Bearer ${lateKeys.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(config),
      });
      expect(pushed.status).toBe(201);
      const all = range(0, lastDay).flatMap((d) => eventsOn(d));
      for (let i = 0; i < all.length; i += 400) {
        const res = await late.request('/v1/batch', post({ writeKey: lateKeys.publicKey, batch: all.slice(i, i + 400) }, { Origin: origin }));
        expect(res.status).toBe(200);
      }
      await markStuckUsers(other.sql, lateKeys.appId, (await createCurrentConfigReader(other.sql)(lateKeys.appId))!, roundAt(lastDay));
      expect((await summariseAccounts(other.sql, roundAt(lastDay), createCurrentConfigReader(other.sql))).accounts).toBe(accounts.length);

      // users-stuck has no daily series: it is dated by when the sweep marked it, so it is left out here.
      const flagsOf = async (sql: TestDatabase['sql'], appId: string) =>
        (
          await sql.query<Record<string, unknown>>(
            `select account_id, flag, kind, since, cleared_at, detail from account_flags where app_id = $1 and kind <> 'users-stuck' order by account_id, flag, since`,
            [appId],
          )
        ).rows;
      const summariesOf = async (sql: TestDatabase['sql'], appId: string) =>
        (
          await sql.query<Record<string, unknown>>(
            `select account_id, day, stage, health, band, driver, reason, components, metrics, series,
                    (select jsonb_agg(f) from jsonb_array_elements(flags) f where f->>'kind' <> 'users-stuck') as flags
             from account_summaries where app_id = $1 order by account_id`,
            [appId],
          )
        ).rows;
      const historyOf = async (sql: TestDatabase['sql'], appId: string) =>
        (
          await sql.query<Record<string, unknown>>(
            'select account_id, day, health, band, components from account_health_daily where app_id = $1 order by account_id, day',
            [appId],
          )
        ).rows;
      const live = await flagsOf(db.sql, keys.appId);
      expect(live.length).toBeGreaterThan(5);
      expect(await flagsOf(other.sql, lateKeys.appId)).toEqual(live);
      expect(await summariesOf(other.sql, lateKeys.appId)).toEqual(await summariesOf(db.sql, keys.appId));
      expect(await historyOf(other.sql, lateKeys.appId)).toEqual(await historyOf(db.sql, keys.appId));
    } finally {
      await other.drop();
    }
  });

  it('raises users-stuck when the sweep marks a stuck user, and clears it when the item is done', async () => {
    const { rows } = await db.sql.query<{ actor: string; first_stuck_at: Date | string; marked_at: Date | string; cleared_at: Date | string }>(
      'select actor, first_stuck_at, marked_at, cleared_at from stuck_users where app_id = $1 and account_id = $2',
      [keys.appId, 'sticky'],
    );
    expect(
      rows.map((r) => [r.actor, iso(new Date(r.first_stuck_at).getTime()), iso(new Date(r.marked_at).getTime()), iso(new Date(r.cleared_at).getTime())]),
    ).toEqual([['ada', iso(t0 + 3 * day + 2 * hour), iso(roundAt(5)), iso(roundAt(8))]]);
    await expectRaisedAndCleared('sticky', 'users-stuck', 5, 8);
  });

  it('picks up a user marked stuck between day rollovers, and writes nothing new when run again', async () => {
    // The usual days go on, with rollups compacted so only what changed makes an account due. bob
    // gets stuck on day 39; the sweep marks him on day 41 at 22:00, after that day's round.
    for (const d of [39, 40, 41]) {
      await send([
        ...eventsOn(d),
        ...(d === 39
          ? [track('bob', 'sticky', t0 + 39 * day + hour, 'User Stuck', { checklist: 'getting-started', item: 'add-tasks', reason: 'rage-clicks' })]
          : []),
      ]);
      await compactRollups(db.sql);
      expect((await summarise(roundAt(d))).accounts).toBe(accounts.length);
    }
    const markedAt = roundAt(41) + 3 * hour;
    expect((await summarise(markedAt - hour)).accounts).toBe(0);
    expect(await sweep(markedAt)).toEqual({ marked: 1, cleared: 0 });
    expect((await summarise(markedAt)).accounts).toBe(1);
    const rows = await flagRows('sticky');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ flag: 'users-stuck', kind: 'users-stuck', since: iso(markedAt), clearedAt: null });

    // Forced recomputes of every account at the same moment and later that day change no flag.
    const before = await countOutbox();
    const flagsBefore = await db.sql.query('select * from account_flags where app_id = $1 order by account_id, flag, since', [keys.appId]);
    for (const accountId of accounts) {
      expect(await summariseAccount(db.sql, keys.appId, accountId, currentConfig, markedAt)).toBe(true);
      expect(await summariseAccount(db.sql, keys.appId, accountId, currentConfig, markedAt + 2 * hour)).toBe(true);
    }
    expect(await countOutbox()).toBe(before);
    expect((await db.sql.query('select * from account_flags where app_id = $1 order by account_id, flag, since', [keys.appId])).rows).toEqual(flagsBefore.rows);
    const sticky = await outbox('sticky');
    expect(sticky.map((r) => [r.kind, r.flag, r.day])).toEqual([
      ['flag.raised', 'users-stuck', 5],
      ['flag.cleared', 'users-stuck', 8],
      ['flag.raised', 'users-stuck', 41],
    ]);
  });
});

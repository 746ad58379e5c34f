import type { Flag } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import type { AccountSummary } from './compute-account-summary.js';

const iso = (ms: number) => new Date(ms).toISOString();
// Open flags are listed most pressing first: the risk flags, then the rest.
const flagOrder = ['no-activity', 'went-quiet', 'usage-drop', 'few-seats-active', 'milestone-overdue', 'users-stuck', 'health-falling'];
const rank = (f: Flag) => flagOrder.indexOf(f.kind);
const nullable = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A flag's stored detail: the overdue milestone, if any, its facts and its reason. */
const detailOf = (f: Flag & { reason?: string }) => ({
  ...(f.milestone ? { milestone: f.milestone } : {}),
  ...(f.facts ? { facts: f.facts } : {}),
  ...(f.reason ? { reason: f.reason } : {}),
});

/**
 * Writes an account's computed summary: its summary row, the recomputed days of its health
 * history, its milestones, its flag history (replaced by the stretches computed from the daily
 * series; users-stuck rows are opened and closed as they happen), and its flag transitions, each
 * raised or cleared flag appended to alert_outbox for the webhook dispatcher. Run it in the
 * transaction that read the open flags.
 */
export async function writeAccountSummary(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accountId: string,
  s: AccountSummary,
  source: { traitsMd5: string; firstSeen: number },
  now: number,
): Promise<void> {
  const p = s.profile;
  const flags = [...s.flags.flags]
    .sort((a, b) => rank(a) - rank(b) || a.since - b.since)
    .map((f) => ({ key: f.key, kind: f.kind, since: iso(f.since), ...detailOf(f) }));
  const seats = typeof p.seats === 'number' || (typeof p.seats === 'string' && p.seats.trim() !== '') ? Number(p.seats) : Number.NaN;
  await sql.query(
    `insert into account_summaries as s (app_id, account_id, name, start_at, time_zone, day, phase, owner, segment, seats, health, band,
       health_change_7d, driver, components, metrics, series, trend, flags, flag_kinds, next_goal, next_goal_day, next_goal_due,
       traits_md5, first_seen, next_day_at, updated_at, stage, reason)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)
     on conflict (app_id, account_id) do update set name = excluded.name, start_at = excluded.start_at, time_zone = excluded.time_zone,
       day = excluded.day, phase = excluded.phase, owner = excluded.owner, segment = excluded.segment, seats = excluded.seats,
       health = excluded.health, band = excluded.band, health_change_7d = excluded.health_change_7d, driver = excluded.driver,
       components = excluded.components, metrics = excluded.metrics, series = excluded.series, trend = excluded.trend, flags = excluded.flags,
       flag_kinds = excluded.flag_kinds, next_goal = excluded.next_goal, next_goal_day = excluded.next_goal_day, next_goal_due = excluded.next_goal_due,
       traits_md5 = excluded.traits_md5, first_seen = excluded.first_seen, next_day_at = excluded.next_day_at, updated_at = excluded.updated_at,
       stage = excluded.stage, reason = excluded.reason`,
    [
      appId,
      accountId,
      p.name,
      iso(p.startAt),
      nullable(p.timeZone),
      s.day,
      s.phase,
      nullable(p.owner),
      nullable(p.segment),
      Number.isFinite(seats) ? seats : null,
      nullable(s.health.score),
      nullable(s.health.band),
      nullable(s.change7d),
      nullable(s.health.driver),
      JSON.stringify({ parts: s.health.parts }),
      JSON.stringify(s.metrics),
      JSON.stringify(s.series),
      JSON.stringify(s.history.slice(-14).map((h) => nullable(h.score))),
      JSON.stringify(flags),
      [...new Set(s.flags.flags.flatMap((f) => [f.kind, f.key]))],
      s.nextGoal?.key ?? null,
      s.nextGoal?.targetDay ?? null,
      s.nextGoal?.due ?? null,
      source.traitsMd5,
      iso(source.firstSeen),
      iso(s.nextDayAt),
      iso(now),
      s.stage,
      nullable(s.health.reason),
    ],
    { prepare: 'waymark_summary_upsert' },
  );
  await sql.query(
    `insert into account_health_daily as h (app_id, account_id, day, date, health, band, components)
     select $1, $2, x.day, x.date, x.health, x.band, x.components
     from jsonb_to_recordset($3::jsonb) as x(day int, date date, health int, band text, components jsonb)
     on conflict (app_id, account_id, day) do update set date = excluded.date, health = excluded.health, band = excluded.band, components = excluded.components
     where (h.health, h.band, h.components) is distinct from (excluded.health, excluded.band, excluded.components)`,
    [
      appId,
      accountId,
      JSON.stringify(s.history.map((h) => ({ day: h.day, date: h.date, health: nullable(h.score), band: nullable(h.band), components: h.components }))),
    ],
    { prepare: 'waymark_summary_history' },
  );
  await sql.query(
    `insert into account_milestones as m (app_id, account_id, milestone, reached_at, day_reached, target_day, status)
     select $1, $2, x.milestone, x.reached_at, x.day_reached, x.target_day, x.status
     from jsonb_to_recordset($3::jsonb) as x(milestone text, reached_at timestamptz, day_reached int, target_day int, status text)
     on conflict (app_id, account_id, milestone) do update set reached_at = excluded.reached_at, day_reached = excluded.day_reached,
       target_day = excluded.target_day, status = excluded.status`,
    [
      appId,
      accountId,
      JSON.stringify(
        s.milestones.map((m) => ({
          milestone: m.key,
          reached_at: m.reachedAt === undefined ? null : iso(m.reachedAt),
          day_reached: nullable(m.reachedDay),
          target_day: m.targetDay,
          status: m.status,
        })),
      ),
    ],
    { prepare: 'waymark_summary_milestones' },
  );
  // The flag history: what the timeline computed replaces what was stored (late events can move or
  // remove a stretch); users-stuck, which has no daily series, is kept and opened or closed below.
  const history = s.flags.history.map((f) => ({
    flag: f.key,
    kind: f.kind,
    since: iso(f.since),
    cleared_at: f.clearedAt === undefined ? null : iso(f.clearedAt),
    detail: detailOf(f),
  }));
  await sql.query(
    `delete from account_flags f where f.app_id = $1 and f.account_id = $2 and f.kind <> 'users-stuck'
       and not exists (select 1 from jsonb_to_recordset($3::jsonb) as x(flag text, since timestamptz) where x.flag = f.flag and x.since = f.since)`,
    [appId, accountId, JSON.stringify(history)],
    { prepare: 'waymark_summary_flags_prune' },
  );
  await sql.query(
    `insert into account_flags as f (app_id, account_id, flag, kind, since, cleared_at, detail)
     select $1, $2, x.flag, x.kind, x.since, x.cleared_at, x.detail
     from jsonb_to_recordset($3::jsonb) as x(flag text, kind text, since timestamptz, cleared_at timestamptz, detail jsonb)
     on conflict (app_id, account_id, flag, since) do update set kind = excluded.kind, cleared_at = excluded.cleared_at, detail = excluded.detail
     where (f.kind, f.cleared_at, f.detail) is distinct from (excluded.kind, excluded.cleared_at, excluded.detail)`,
    [appId, accountId, JSON.stringify(history)],
    { prepare: 'waymark_summary_flags' },
  );
  const stuck = s.flags.flags.find((f) => f.kind === 'users-stuck');
  if (stuck) {
    await sql.query(
      `insert into account_flags (app_id, account_id, flag, kind, since, detail) values ($1, $2, $3, $4, $5, $6)
       on conflict (app_id, account_id, flag, since) do update set detail = excluded.detail`,
      [appId, accountId, stuck.key, stuck.kind, iso(stuck.since), JSON.stringify(detailOf(stuck))],
    );
  } else if (s.flags.cleared.some((f) => f.kind === 'users-stuck')) {
    await sql.query("update account_flags set cleared_at = $3 where app_id = $1 and account_id = $2 and kind = 'users-stuck' and cleared_at is null", [
      appId,
      accountId,
      iso(now),
    ]);
  }

  const payload = { day: s.day, health: nullable(s.health.score), band: nullable(s.health.band), name: s.profile.name, owner: nullable(s.profile.owner) };
  const transitions = [
    ...s.flags.raised.map((f) => ({
      kind: 'flag.raised',
      flag: f.key,
      payload: { ...payload, flag: f.key, flagKind: f.kind, since: iso(f.since), ...detailOf(f) },
    })),
    ...s.flags.cleared.map((f) => {
      // The stretch as computed now (with its last facts and reason), when the history still has it.
      const last = s.flags.history.filter((h) => h.key === f.key && h.clearedAt !== undefined).at(-1) ?? f;
      return {
        kind: 'flag.cleared',
        flag: f.key,
        payload: { ...payload, flag: f.key, flagKind: f.kind, since: iso(f.since), clearedAt: iso(now), ...detailOf(last) },
      };
    }),
  ];
  if (transitions.length === 0) return;
  await sql.query(
    `insert into alert_outbox (app_id, account_id, kind, flag, payload, created_at)
     select $1, $2, x.kind, x.flag, x.payload, $4 from jsonb_to_recordset($3::jsonb) as x(kind text, flag text, payload jsonb)`,
    [appId, accountId, JSON.stringify(transitions), iso(now)],
  );
}

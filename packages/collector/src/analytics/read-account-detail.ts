import type { WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Everything the account page shows, from the stored summary (no events are read): the account,
 * its health with components, driver and 7-day change, metrics, milestones against target days,
 * the daily series (active users, seat activation, seats active in 28 days, use against the
 * account's usual level, minutes in product), open flags with since and reason, the last 200
 * stretches of cleared flags (the flag history), and the daily health history.
 * Undefined when the account has no summary (yet).
 */
export async function readAccountDetail(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accountId: string,
  config: Pick<WaymarkConfig, 'milestones'> | undefined,
): Promise<Record<string, unknown> | undefined> {
  const params = [appId, accountId];
  const { rows } = await sql.query<Record<string, unknown> & { start_at: Date; updated_at: Date; seats: string | null; next_goal_due: string | null }>(
    `select name, start_at, time_zone, day, phase, stage, reason, flags, owner, segment, seats, health, band, health_change_7d, driver, components, metrics, series, trend,
            next_goal, next_goal_day, to_char(next_goal_due, 'YYYY-MM-DD') as next_goal_due, updated_at
     from account_summaries where app_id = $1 and account_id = $2`,
    params,
  );
  const s = rows[0];
  if (!s) return undefined;
  const [milestones, flags, history] = await Promise.all([
    sql.query<{ milestone: string; reached_at: Date | null; day_reached: number | null; target_day: number | null; status: string }>(
      'select milestone, reached_at, day_reached, target_day, status from account_milestones where app_id = $1 and account_id = $2 order by target_day, milestone',
      params,
    ),
    sql.query<{ flag: string; kind: string; since: Date; cleared_at: Date | null; detail: Record<string, unknown> }>(
      `select flag, kind, since, cleared_at, detail from account_flags where app_id = $1 and account_id = $2
       and cleared_at is not null order by cleared_at desc, since desc limit 200`,
      params,
    ),
    sql.query<{ day: number; date: string; health: number | null; band: string | null }>(
      `select day, to_char(date, 'YYYY-MM-DD') as date, health, band from account_health_daily where app_id = $1 and account_id = $2 order by day`,
      params,
    ),
  ]);
  const names = new Map((config?.milestones ?? []).map((m) => [m.key, m.name]));
  return {
    account: {
      accountId,
      name: s['name'],
      startAt: iso(s.start_at),
      timeZone: s['time_zone'],
      day: s['day'],
      phase: s['phase'],
      stage: s['stage'],
      owner: s['owner'],
      segment: s['segment'],
      seats: s.seats === null ? null : Number(s.seats),
      updatedAt: iso(s.updated_at),
    },
    health: {
      score: s['health'],
      band: s['band'],
      change7d: s['health_change_7d'],
      driver: s['driver'],
      reason: s['reason'],
      components: (s['components'] as { parts?: unknown }).parts ?? [],
      trend: s['trend'],
    },
    metrics: s['metrics'],
    series: s['series'],
    milestones: milestones.rows.map((m) => ({
      key: m.milestone,
      name: names.get(m.milestone) ?? m.milestone,
      targetDay: m.target_day,
      reachedAt: iso(m.reached_at),
      reachedDay: m.day_reached,
      status: m.status,
    })),
    nextGoal: s['next_goal'] === null ? null : { milestone: s['next_goal'], targetDay: s['next_goal_day'], due: s.next_goal_due },
    // Open flags as the summary holds them: most pressing first, with their reasons.
    flags: s['flags'],
    clearedFlags: flags.rows.map((f) => ({ key: f.flag, kind: f.kind, since: iso(f.since), clearedAt: iso(f.cleared_at), ...f.detail })),
    history: history.rows,
  };
}

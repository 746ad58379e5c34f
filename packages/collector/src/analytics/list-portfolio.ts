import type { Sql } from '../db/sql.js';
import type { PortfolioAccount, PortfolioFilter } from '@waymark/core';

export type { PortfolioAccount };

interface Row {
  account_id: string;
  name: string;
  day: number;
  phase: PortfolioAccount['phase'];
  stage: PortfolioAccount['stage'];
  health: number | null;
  band: PortfolioAccount['band'];
  health_change_7d: number | null;
  trend: Array<number | null>;
  driver: PortfolioAccount['driver'];
  reason: string | null;
  flags: PortfolioAccount['flags'];
  owner: string | null;
  segment: string | null;
  seats: string | number | null;
  seat_activation: number | null;
  next_goal: string | null;
  next_goal_day: number | null;
  next_goal_due: string | null;
  start_at: Date | string;
  updated_at: Date | string;
  total: number;
}

// Sort columns by name; never interpolated from input. Ties break on the account id.
const sortColumns = { day: 'day', health: 'health', change: 'health_change_7d', name: 'lower(name)' } as const;
const defaultOrder = { day: 'desc', health: 'asc', change: 'asc', name: 'asc' } as const;

/**
 * A page of an app's account summaries, filtered and sorted (nulls last), with the total
 * matching. `page: 0` lists every match (for the CSV export), up to 100,000.
 */
export async function listPortfolio(
  sql: Pick<Sql, 'query'>,
  appId: string,
  f: PortfolioFilter,
  all = false,
): Promise<{ accounts: PortfolioAccount[]; total: number }> {
  const order = f.order ?? defaultOrder[f.sort];
  const limit = all ? 100_000 : f.limit;
  const offset = all ? 0 : (f.page - 1) * f.limit;
  const { rows } = await sql.query<Row>(
    `select account_id, name, day, phase, stage, health, band, health_change_7d, trend, driver, reason, flags, owner, segment, seats,
            (metrics->>'seatActivation')::float8 as seat_activation, next_goal, next_goal_day, to_char(next_goal_due, 'YYYY-MM-DD') as next_goal_due,
            start_at, updated_at, count(*) over ()::int as total
     from account_summaries
     where app_id = $1 and ($2::int is null or day >= $2) and ($3::int is null or day <= $3) and ($4::text is null or band = $4)
       and ($5::text is null or $5 = any(flag_kinds)) and ($6::text is null or owner = $6) and ($7::text is null or segment = $7)
       and ($10::text is null or stage = $10)
     order by ${sortColumns[f.sort]} ${order} nulls last, account_id ${order}
     limit $8 offset $9`,
    [appId, f.dayMin ?? null, f.dayMax ?? null, f.band ?? null, f.flag ?? null, f.owner ?? null, f.segment ?? null, limit, offset, f.stage ?? null],
  );
  let total = rows[0]?.total;
  if (total === undefined && offset > 0) {
    // A page past the end: still say how many match.
    const { rows: count } = await sql.query<{ n: number }>(
      `select count(*)::int as n from account_summaries where app_id = $1 and ($2::int is null or day >= $2) and ($3::int is null or day <= $3)
         and ($4::text is null or band = $4) and ($5::text is null or $5 = any(flag_kinds)) and ($6::text is null or owner = $6) and ($7::text is null or segment = $7)
         and ($8::text is null or stage = $8)`,
      [appId, f.dayMin ?? null, f.dayMax ?? null, f.band ?? null, f.flag ?? null, f.owner ?? null, f.segment ?? null, f.stage ?? null],
    );
    total = count[0]?.n;
  }
  return {
    total: total ?? 0,
    accounts: rows.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      day: r.day,
      phase: r.phase,
      stage: r.stage,
      health: r.health,
      band: r.band,
      change7d: r.health_change_7d,
      trend: r.trend,
      driver: r.driver,
      reason: r.reason,
      flags: r.flags,
      owner: r.owner,
      segment: r.segment,
      seats: r.seats === null ? null : Number(r.seats),
      seatActivation: r.seat_activation,
      nextGoal: r.next_goal === null ? null : { milestone: r.next_goal, targetDay: r.next_goal_day ?? 0, due: r.next_goal_due ?? '' },
      startAt: new Date(r.start_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}

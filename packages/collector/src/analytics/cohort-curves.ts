import type { Sql } from '../db/sql.js';
import type { Cohort } from '@waymark/core';

/** Cohort curves of an app's accounts by start week, from the stored milestones, newest week first. */
export async function cohortCurves(
  sql: Pick<Sql, 'query'>,
  appId: string,
  options: { days: number; weeks: number; milestone?: string | undefined },
): Promise<Cohort[]> {
  const { rows: sizes } = await sql.query<{ week: string; day: number; n: number }>(
    `select to_char(date_trunc('week', start_at at time zone 'UTC'), 'YYYY-MM-DD') as week, least(day, $2) as day, count(*)::int as n
     from account_summaries where app_id = $1 group by 1, 2`,
    [appId, options.days],
  );
  const weeks = [...new Set(sizes.map((s) => s.week))].sort().reverse().slice(0, options.weeks);
  const { rows: reached } = await sql.query<{ week: string; milestone: string; day: number; alive: number; n: number }>(
    `select to_char(date_trunc('week', s.start_at at time zone 'UTC'), 'YYYY-MM-DD') as week, m.milestone, m.day_reached as day,
            least(s.day, $2) as alive, count(*)::int as n
     from account_milestones m join account_summaries s on s.app_id = m.app_id and s.account_id = m.account_id
     where m.app_id = $1 and m.day_reached is not null and m.day_reached <= $2 and ($3::text is null or m.milestone = $3)
     group by 1, 2, 3, 4`,
    [appId, options.days, options.milestone ?? null],
  );
  const { rows: keys } = await sql.query<{ milestone: string }>(
    'select distinct milestone from account_milestones where app_id = $1 and ($2::text is null or milestone = $2) order by milestone',
    [appId, options.milestone ?? null],
  );
  return weeks.map((week) => {
    // alive[d]: accounts of the cohort at day d or later.
    const alive = new Array<number>(options.days + 1).fill(0);
    for (const s of sizes) if (s.week === week) for (let d = 0; d <= s.day; d++) alive[d]! += s.n;
    const milestones: Record<string, Array<number | null>> = {};
    for (const { milestone } of keys) {
      // Only accounts that have lived to day d count, in the numerator as in the denominator.
      const reachedBy = new Array<number>(options.days + 1).fill(0);
      for (const r of reached) if (r.week === week && r.milestone === milestone) for (let d = r.day; d <= r.alive; d++) reachedBy[d]! += r.n;
      milestones[milestone] = reachedBy.map((n, d) => (alive[d]! > 0 ? n / alive[d]! : null));
    }
    return { week, accounts: alive[0]!, milestones };
  });
}

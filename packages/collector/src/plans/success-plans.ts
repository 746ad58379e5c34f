import type { Sql } from '../db/sql.js';
import type { PlanGoal } from './plan-goal.js';

/** One edit of an account's plan, as logged: goals null means reset to the config's default. */
export interface PlanChange {
  goals: PlanGoal[] | null;
  previous: PlanGoal[] | null;
  by: string;
  at: string;
}

/** The plans CSMs edited, by account (accounts without one follow the config's default). */
export async function storedPlans(
  sql: Pick<Sql, 'query'>,
  appId: string,
  accountIds: readonly string[],
): Promise<Map<string, { goals: PlanGoal[]; by: string; at: string }>> {
  const { rows } = await sql.query<{ account_id: string; goals: PlanGoal[]; updated_by: string; updated_at: Date | string }>(
    'select account_id, goals, updated_by, updated_at from success_plans where app_id = $1 and account_id = any($2::text[])',
    [appId, accountIds],
  );
  return new Map(rows.map((r) => [r.account_id, { goals: r.goals, by: r.updated_by, at: new Date(r.updated_at).toISOString() }]));
}

/** Sets an account's plan (goals null: back to the config's default) and logs who and when, in one transaction. */
export async function setSuccessPlan(
  sql: Pick<Sql, 'transaction'>,
  appId: string,
  accountId: string,
  change: { goals: PlanGoal[] | null; by: string; at: number },
): Promise<PlanChange> {
  const at = new Date(change.at).toISOString();
  return sql.transaction(async (tx) => {
    const { rows } = await tx.query<{ goals: PlanGoal[] }>('select goals from success_plans where app_id = $1 and account_id = $2 for update', [
      appId,
      accountId,
    ]);
    const previous = rows[0]?.goals ?? null;
    if (change.goals === null) await tx.query('delete from success_plans where app_id = $1 and account_id = $2', [appId, accountId]);
    else {
      await tx.query(
        `insert into success_plans (app_id, account_id, goals, updated_by, updated_at) values ($1, $2, $3::jsonb, $4, $5)
         on conflict (app_id, account_id) do update set goals = excluded.goals, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [appId, accountId, JSON.stringify(change.goals), change.by, at],
      );
    }
    await tx.query('insert into success_plan_log (app_id, account_id, goals, previous_goals, set_by, set_at) values ($1, $2, $3::jsonb, $4::jsonb, $5, $6)', [
      appId,
      accountId,
      change.goals === null ? null : JSON.stringify(change.goals),
      previous === null ? null : JSON.stringify(previous),
      change.by,
      at,
    ]);
    return { goals: change.goals, previous, by: change.by, at };
  });
}

/** An account's plan edits, newest first (at most `limit`). */
export async function planLog(sql: Pick<Sql, 'query'>, appId: string, accountId: string, limit = 50): Promise<PlanChange[]> {
  const { rows } = await sql.query<{ goals: PlanGoal[] | null; previous_goals: PlanGoal[] | null; set_by: string; set_at: Date | string }>(
    'select goals, previous_goals, set_by, set_at from success_plan_log where app_id = $1 and account_id = $2 order by set_at desc, id desc limit $3',
    [appId, accountId, limit],
  );
  return rows.map((r) => ({ goals: r.goals, previous: r.previous_goals, by: r.set_by, at: new Date(r.set_at).toISOString() }));
}

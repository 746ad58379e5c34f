import type { GateOverride, GateOverrideChange, OverrideState } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import type { OverrideScope } from '../user-state/overrides-for-user.js';

export type { OverrideState };

interface Row {
  gate: string;
  scope: OverrideScope;
  subject_id: string;
  state: OverrideState | null;
  previous_state?: OverrideState | null;
  set_by: string;
  set_at: Date | string;
}

const base = (r: Row) => ({ gate: r.gate, scope: r.scope, subjectId: r.subject_id, by: r.set_by, at: new Date(r.set_at).toISOString() });

/**
 * Sets (or, with state null, clears) a gate override and logs the change with who and when,
 * in one transaction. Returns the change as logged.
 */
export async function setGateOverride(
  sql: Pick<Sql, 'transaction'>,
  appId: string,
  change: { gate: string; scope: OverrideScope; subjectId: string; state: OverrideState | null; by: string; at: number },
): Promise<GateOverrideChange> {
  const at = new Date(change.at).toISOString();
  const key = [appId, change.gate, change.scope, change.subjectId];
  return sql.transaction(async (tx) => {
    const { rows } = await tx.query<{ state: OverrideState }>(
      'select state from gate_overrides where app_id = $1 and gate_key = $2 and scope = $3 and subject_id = $4 for update',
      key,
    );
    const previous = rows[0]?.state ?? null;
    if (change.state === null) {
      await tx.query('delete from gate_overrides where app_id = $1 and gate_key = $2 and scope = $3 and subject_id = $4', key);
    } else {
      await tx.query(
        `insert into gate_overrides (app_id, gate_key, scope, subject_id, state, set_by, set_at) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (app_id, gate_key, scope, subject_id) do update set state = excluded.state, set_by = excluded.set_by, set_at = excluded.set_at`,
        [...key, change.state, change.by, at],
      );
    }
    await tx.query(
      `insert into gate_override_log (app_id, gate_key, scope, subject_id, state, previous_state, set_by, set_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [...key, change.state, previous, change.by, at],
    );
    return { gate: change.gate, scope: change.scope, subjectId: change.subjectId, state: change.state, previous, by: change.by, at };
  });
}

/** A gate's overrides in force (accounts first, then users, by id) and its change log, newest first. */
export async function listGateOverrides(
  sql: Pick<Sql, 'query'>,
  appId: string,
  gate: string,
): Promise<{ overrides: GateOverride[]; log: GateOverrideChange[] }> {
  const { rows: current } = await sql.query<Row>(
    `select gate_key as gate, scope, subject_id, state, set_by, set_at from gate_overrides
     where app_id = $1 and gate_key = $2 order by scope, subject_id`,
    [appId, gate],
  );
  const { rows: log } = await sql.query<Row>(
    `select gate_key as gate, scope, subject_id, state, previous_state, set_by, set_at from gate_override_log
     where app_id = $1 and gate_key = $2 order by set_at desc, id desc`,
    [appId, gate],
  );
  return {
    overrides: current.map((r) => ({ ...base(r), state: r.state as OverrideState })),
    log: log.map((r) => ({ ...base(r), state: r.state, previous: r.previous_state ?? null })),
  };
}

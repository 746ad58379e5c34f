import type { GateOverrides, OverrideState } from '@waymark/core';
import type { Sql } from '../db/sql.js';

/** Whom a gate override is for. */
export type OverrideScope = 'account' | 'user';

/** The overrides that apply to a user (theirs and their account's), per gate key, as core's gateState takes them. */
export async function overridesForUser(sql: Pick<Sql, 'query'>, appId: string, userId: string, accountId: string | null): Promise<Map<string, GateOverrides>> {
  const { rows } = await sql.query<{ gate: string; scope: OverrideScope; state: OverrideState }>(
    `select gate_key as gate, scope, state from gate_overrides
     where app_id = $1 and ((scope = 'user' and subject_id = $2) or (scope = 'account' and subject_id = $3))`,
    [appId, userId, accountId],
  );
  const byGate = new Map<string, GateOverrides>();
  for (const r of rows) {
    const o = byGate.get(r.gate) ?? {};
    o[r.scope] = r.state;
    byGate.set(r.gate, o);
  }
  return byGate;
}

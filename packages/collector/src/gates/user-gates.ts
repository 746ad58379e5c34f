import { deriveFacts, explainCondition, gateState, snapshotFacts, type UserGate, type WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { overridesForUser } from '../user-state/overrides-for-user.js';
import { readUserState } from '../user-state/read-user-state.js';

/**
 * A user's gates, evaluated by core's `gateState` over the same snapshot `GET /v1/state` answers
 * (read and settled by readUserState), with the user's and their account's overrides.
 * `only` restricts the answer to one gate key. Without a config there are no gates.
 */
export async function readUserGates(
  sql: Pick<Sql, 'query'>,
  appId: string,
  userId: string,
  config: { version: number; config: WaymarkConfig } | undefined,
  now: number,
  only?: string,
): Promise<Record<string, UserGate>> {
  const state = await readUserState(sql, appId, { userId }, config, now);
  if (!config) return {};
  const gates = config.config.gates.filter((g) => only === undefined || g.key === only);
  if (gates.length === 0) return {};
  const { rows } = await sql.query<{ account_id: string | null }>('select account_id from users where app_id = $1 and actor = $2', [appId, userId]);
  const overrides = await overridesForUser(sql, appId, userId, rows[0]?.account_id ?? null);
  const facts = deriveFacts(config.config, snapshotFacts(state.snapshot, now));
  const out: Record<string, UserGate> = {};
  for (const gate of gates) {
    const s = gateState(gate, facts, overrides.get(gate.key), config.config.checklists);
    out[gate.key] = {
      unlocked: s.unlocked,
      reason: s.reason,
      locked: gate.locked,
      ...(s.progress ? { progress: s.progress } : {}),
      todo: s.todo,
      missing: explainCondition(gate.unlock, facts),
    };
  }
  return out;
}

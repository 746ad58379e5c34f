import { deriveFacts, explainCondition, gateState, snapshotFacts, type UserGate } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import type { CurrentConfig } from '../config/current-config.js';
import { readUserState } from '../user-state/read-user-state.js';

/**
 * A user's gates, evaluated by core's `gateState` over the same snapshot `GET /v1/state` answers
 * (one read: readUserState, with the user's and their account's overrides).
 * `only` restricts the answer to one gate key. Without a config there are no gates.
 */
export async function readUserGates(
  sql: Pick<Sql, 'query'>,
  appId: string,
  userId: string,
  config: Pick<CurrentConfig, 'version' | 'config'> | undefined,
  now: number,
  only?: string,
): Promise<Record<string, UserGate>> {
  const state = await readUserState(sql, appId, { userId }, config, now);
  if (!config) return {};
  const gates = config.config.gates.filter((g) => only === undefined || g.key === only);
  if (gates.length === 0) return {};
  const facts = deriveFacts(config.config, snapshotFacts(state.snapshot, now));
  const out: Record<string, UserGate> = {};
  for (const gate of gates) {
    // The state's override is the one in force (the user's, else their account's), as gateState picks it.
    const override = state.overrides[gate.key];
    const s = gateState(gate, facts, override === undefined ? {} : { user: override }, config.config.checklists);
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

import { conditionRefs } from '../condition/condition-refs.js';
import type { Condition } from '../condition/condition.js';
import type { ConditionFacts } from '../condition/condition-facts.js';
import { evaluateCondition } from '../condition/evaluate-condition.js';
import { explainCondition, type Explanation } from '../condition/explain-condition.js';
import type { Checklist } from '../config/checklist.js';
import type { Gate } from '../config/gate.js';

/** A CSM's decision for a gate; the user's wins over the account's, and both win over the condition. */
export interface GateOverrides {
  account?: 'unlock' | 'lock';
  user?: 'unlock' | 'lock';
}

/** Where one user stands on one gate, for the UI, the JS API and `GET /v1/gates`. */
export interface GateState {
  /** The gated feature's key. */
  key: string;
  unlocked: boolean;
  /** `condition`: unlocked by its condition; `override`: decided by a CSM override; `locked`: the condition does not hold yet. */
  reason: 'condition' | 'override' | 'locked';
  /** The unlock condition explained, node by node, so the UI can say what is left. */
  missing: Explanation;
  /** Checklist items the unlock condition asks for, and how many are done; only when it names checklists. */
  progress?: { done: number; total: number };
}

// Checklist refs outside `not` (an item that must stay undone is not progress towards unlocking).
function checklistRefs(c: Condition) {
  return conditionRefs(c).filter((r) => 'checklist' in r && !r.path.includes('not')) as Array<{ checklist: string; item?: string }>;
}

/**
 * Whether the gate is unlocked for the user the facts describe (wrap them in `deriveFacts`), why,
 * and what is missing. Pass the config's `checklists` to count progress of whole-checklist
 * references (`{ checklist }`); item references count without them.
 */
export function gateState(
  gate: Pick<Gate, 'key' | 'unlock'>,
  facts: ConditionFacts,
  overrides: GateOverrides = {},
  checklists: ReadonlyArray<Pick<Checklist, 'key' | 'items'>> = [],
): GateState {
  const missing = explainCondition(gate.unlock, facts);
  const override = overrides.user ?? overrides.account;
  const unlocked = override === undefined ? missing.result : override === 'unlock';
  const reason = override !== undefined ? 'override' : unlocked ? 'condition' : 'locked';

  const items = new Map<string, boolean>();
  const byKey = new Map(checklists.map((c) => [c.key, c]));
  const count = (checklist: string, item: string) => {
    const id = `${checklist}\n${item}`;
    if (items.has(id)) return;
    const def = byKey.get(checklist)?.items.find((it) => it.key === item);
    items.set(id, facts.checklistItemDone(checklist, item) === true || (def !== undefined && evaluateCondition(def.done, facts)));
  };
  for (const ref of checklistRefs(gate.unlock)) {
    if (ref.item !== undefined) count(ref.checklist, ref.item);
    else for (const it of byKey.get(ref.checklist)?.items ?? []) count(ref.checklist, it.key);
  }
  const done = [...items.values()].filter(Boolean).length;
  return { key: gate.key, unlocked, reason, missing, ...(items.size === 0 ? {} : { progress: { done, total: items.size } }) };
}

import { conditionRefs } from '../condition/condition-refs.js';
import type { Condition } from '../condition/condition.js';
import type { ConditionFacts } from '../condition/condition-facts.js';
import { evaluateCondition } from '../condition/evaluate-condition.js';
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
  /** Checklist items the unlock condition asks for, and how many are done; only when it names checklists. */
  progress?: { done: number; total: number };
  /** Those items not done yet, in config order: what is left to do. */
  todo: Array<{ checklist: string; item: string }>;
}

// Checklist refs outside `not` (an item that must stay undone is not progress towards unlocking).
function checklistRefs(c: Condition) {
  return conditionRefs(c).filter((r) => 'checklist' in r && !r.path.includes('not')) as Array<{ checklist: string; item?: string }>;
}

/**
 * Whether the gate is unlocked for the user the facts describe (wrap them in `deriveFacts`), why,
 * and which checklist items are left. Pass the config's `checklists` to count the items of
 * whole-checklist references (`{ checklist }`); item references count without them. The collector
 * adds `explainCondition(gate.unlock, facts)` for a node-by-node explanation.
 */
export function gateState(
  gate: Pick<Gate, 'key' | 'unlock'>,
  facts: ConditionFacts,
  overrides: GateOverrides = {},
  checklists: ReadonlyArray<Pick<Checklist, 'key' | 'items'>> = [],
): GateState {
  const override = overrides.user ?? overrides.account;
  const unlocked = override === undefined ? evaluateCondition(gate.unlock, facts) : override === 'unlock';
  const reason = override !== undefined ? 'override' : unlocked ? 'condition' : 'locked';
  const items = new Map<string, { checklist: string; item: string; done: boolean }>();
  const count = (checklist: string, item: string) => {
    const id = `${checklist}/${item}`;
    if (items.has(id)) return;
    const def = checklists.find((c) => c.key === checklist)?.items.find((it) => it.key === item);
    items.set(id, { checklist, item, done: facts.checklistItemDone(checklist, item) === true || (def !== undefined && evaluateCondition(def.done, facts)) });
  };
  for (const ref of checklistRefs(gate.unlock)) {
    if (ref.item !== undefined) count(ref.checklist, ref.item);
    else for (const it of checklists.find((c) => c.key === ref.checklist)?.items ?? []) count(ref.checklist, it.key);
  }
  const list = [...items.values()];
  const todo = list.filter((x) => !x.done).map(({ checklist, item }) => ({ checklist, item }));
  return { key: gate.key, unlocked, reason, ...(list.length === 0 ? {} : { progress: { done: list.length - todo.length, total: list.length } }), todo };
}

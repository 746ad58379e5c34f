import type { ConditionFacts } from '../condition/condition-facts.js';
import { evaluateCondition } from '../condition/evaluate-condition.js';
import type { Checklist } from '../config/checklist.js';

/** Where a user stands on one checklist. */
export interface ChecklistProgress {
  /** Items done. */
  done: number;
  total: number;
  /** Every item, in order, with whether it is done. */
  items: Array<{ key: string; done: boolean }>;
  complete: boolean;
  /** The first item not done yet (what the UI offers next), if any. */
  next?: string;
  /** Whether the checklist's audience condition selects this user (true without one). */
  audience: boolean;
}

/** A checklist's progress: an item is done when recorded done or when its `done` condition holds now. */
export function checklistProgress(checklist: Pick<Checklist, 'key' | 'items' | 'audience'>, facts: ConditionFacts): ChecklistProgress {
  const items = checklist.items.map((it) => ({ key: it.key, done: facts.checklistItemDone(checklist.key, it.key) || evaluateCondition(it.done, facts) }));
  const done = items.filter((it) => it.done).length;
  const next = items.find((it) => !it.done)?.key;
  const audience = checklist.audience === undefined || evaluateCondition(checklist.audience, facts);
  return { done, total: items.length, items, complete: done === items.length, ...(next === undefined ? {} : { next }), audience };
}

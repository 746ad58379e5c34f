import type { ConditionFacts } from '../condition/condition-facts.js';
import { evaluateCondition } from '../condition/evaluate-condition.js';
import type { WaymarkConfig } from '../config/config-schema.js';

/** The parts of a config that say when milestones, items and checklists are done. */
export type ProgressDefinitions = Pick<WaymarkConfig, 'milestones' | 'checklists'>;

/**
 * Facts where a milestone is reached, an item done, or a checklist complete when recorded so in
 * `facts` OR when its condition holds now. Answers are memoised: make a new one when the
 * underlying facts change. A reference cycle (refused by validateConfig) is cut as false.
 */
export function deriveFacts(config: ProgressDefinitions, facts: ConditionFacts): ConditionFacts {
  const milestones = new Map(config.milestones.map((m) => [m.key, m]));
  const checklists = new Map(config.checklists.map((c) => [c.key, c]));
  const memo = new Map<string, boolean>();
  const active = new Set<string>();
  const once = (id: string, compute: () => boolean): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (active.has(id)) return false;
    active.add(id);
    const result = compute();
    active.delete(id);
    memo.set(id, result);
    return result;
  };
  const derived: ConditionFacts = {
    now: facts.now,
    eventCount: (key, scope, sinceMs) => facts.eventCount(key, scope, sinceMs),
    trait: (scope, name, trusted) => facts.trait(scope, name, trusted),
    startedAt: (scope) => facts.startedAt(scope),
    page: () => facts.page?.(),
    milestoneReached: (key) =>
      facts.milestoneReached(key) ||
      once(`milestone\n${key}`, () => {
        const m = milestones.get(key);
        return m !== undefined && evaluateCondition(m.condition, derived);
      }),
    checklistItemDone: (checklist, item) =>
      facts.checklistItemDone(checklist, item) ||
      once(`item\n${checklist}\n${item}`, () => {
        const it = checklists.get(checklist)?.items.find((x) => x.key === item);
        return it !== undefined && evaluateCondition(it.done, derived);
      }),
    checklistComplete: (checklist) =>
      facts.checklistComplete(checklist) ||
      once(`checklist\n${checklist}`, () => {
        const c = checklists.get(checklist);
        return c?.items.every((it) => derived.checklistItemDone(checklist, it.key)) ?? false;
      }),
  };
  return derived;
}

import { maxConditionDepth, type Condition } from './condition.js';
import { walkCondition } from './walk-condition.js';

/** A reference from a condition to another definition in the config, with where it is. */
export type ConditionRef = { path: PropertyKey[] } & ({ milestone: string } | { checklist: string; item?: string });

/** Every milestone and checklist (item) a valid condition refers to, with JSON paths under `base`. */
export function conditionRefs(c: Condition, base: PropertyKey[] = []): ConditionRef[] {
  const refs: ConditionRef[] = [];
  walkCondition(
    c,
    (n, path) => {
      if ('milestone' in n) refs.push({ path: [...path, 'milestone'], milestone: n.milestone });
      else if ('checklist' in n) {
        refs.push(
          n.item === undefined ? { path: [...path, 'checklist'], checklist: n.checklist } : { path: [...path, 'item'], checklist: n.checklist, item: n.item },
        );
      }
    },
    base,
  );
  return refs;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * Where an unvalidated condition nests `all`/`any`/`not` deeper than `maxConditionDepth`, as a
 * path under `base`, or undefined. Stops at the first level too deep, so it never recurses far.
 */
export function conditionDepthProblem(value: unknown, base: PropertyKey[] = [], depth = 1): PropertyKey[] | undefined {
  const node = record(value);
  if (!node) return undefined;
  if (depth > maxConditionDepth) return base;
  for (const kind of ['all', 'any'] as const) {
    const list = node[kind];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const deep = conditionDepthProblem(list[i], [...base, kind, i], depth + 1);
      if (deep) return deep;
    }
  }
  return 'not' in node ? conditionDepthProblem(node['not'], [...base, 'not'], depth + 1) : undefined;
}

import { maxConditionDepth, type Condition } from './condition.js';

/** A reference from a condition to another definition in the config, with where it is. */
export type ConditionRef = { path: PropertyKey[] } & ({ milestone: string } | { checklist: string; item?: string });

/** Every milestone and checklist (item) a valid condition refers to, with JSON paths under `base`. */
export function conditionRefs(c: Condition, base: PropertyKey[] = []): ConditionRef[] {
  if ('all' in c) return c.all.flatMap((x, i) => conditionRefs(x, [...base, 'all', i]));
  if ('any' in c) return c.any.flatMap((x, i) => conditionRefs(x, [...base, 'any', i]));
  if ('not' in c) return conditionRefs(c.not, [...base, 'not']);
  if ('milestone' in c) return [{ path: [...base, 'milestone'], milestone: c.milestone }];
  if ('checklist' in c) {
    return [
      c.item === undefined ? { path: [...base, 'checklist'], checklist: c.checklist } : { path: [...base, 'item'], checklist: c.checklist, item: c.item },
    ];
  }
  return [];
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

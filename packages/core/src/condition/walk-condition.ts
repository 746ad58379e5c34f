import type { Condition } from './condition.js';

/**
 * Calls `visit` on a condition and on every condition nested in it (`all`, `any`, `not`), parents
 * first, each with its JSON path under `base`. Tolerates malformed nesting: what is not a list or
 * an object where one belongs is not descended into.
 */
export function walkCondition(c: Condition, visit: (node: Condition, path: PropertyKey[]) => void, base: PropertyKey[] = []): void {
  visit(c, base);
  if ('all' in c && Array.isArray(c.all)) for (const [i, x] of c.all.entries()) walkCondition(x, visit, [...base, 'all', i]);
  else if ('any' in c && Array.isArray(c.any)) for (const [i, x] of c.any.entries()) walkCondition(x, visit, [...base, 'any', i]);
  else if ('not' in c && typeof c.not === 'object' && c.not !== null) walkCondition(c.not, visit, [...base, 'not']);
}

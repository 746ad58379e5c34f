import type { TraitCondition, TraitValue } from './condition.js';

const ordered = (a: unknown, b: unknown): a is number | string =>
  (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');

/**
 * Whether a trait's actual value passes the node's test. Equality is strict (`"5"` is not `5`).
 * An absent trait (undefined or null) fails every op, `neq` and `nin` included, as in SQL;
 * `exists` is false for it. Order ops need two numbers or two strings.
 */
export function traitHolds(node: Pick<TraitCondition, 'op' | 'value'>, actual: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  const v = node.value;
  const list: readonly TraitValue[] = Array.isArray(v) ? v : [];
  switch (node.op) {
    case 'exists':
      return true;
    case 'eq':
      return actual === v;
    case 'neq':
      return v !== undefined && actual !== v;
    case 'in':
      return list.includes(actual as TraitValue);
    case 'nin':
      return Array.isArray(v) && !list.includes(actual as TraitValue);
    case 'gt':
      return ordered(actual, v) && actual > (v as typeof actual);
    case 'gte':
      return ordered(actual, v) && actual >= (v as typeof actual);
    case 'lt':
      return ordered(actual, v) && actual < (v as typeof actual);
    case 'lte':
      return ordered(actual, v) && actual <= (v as typeof actual);
    case 'contains':
      if (typeof actual === 'string') return typeof v === 'string' && actual.includes(v);
      return Array.isArray(actual) && actual.includes(v);
    default:
      return false;
  }
}

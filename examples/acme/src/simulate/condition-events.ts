import type { Condition } from '@waymark/core';

// Every `event` named anywhere inside a condition tree.
function collect(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const child of node) collect(child, into);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'event' && typeof value === 'string') into.add(value);
      else collect(value, into);
    }
  }
}

/** The event keys these conditions count: only events with these keys can change whether they hold. */
export function conditionEvents(conditions: Iterable<Condition>): Set<string> {
  const keys = new Set<string>();
  for (const condition of conditions) collect(condition, keys);
  return keys;
}

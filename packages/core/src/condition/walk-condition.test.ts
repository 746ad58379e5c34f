import { expect, it } from 'vitest';
import type { Condition } from './condition.js';
import { walkCondition } from './walk-condition.js';

it('visits every nested condition, parents first, with its JSON path', () => {
  const c: Condition = { all: [{ event: 'A' }, { any: [{ milestone: 'm' }, { not: { trait: 'plan', op: 'eq', value: 'pro' } }] }] };
  const seen: Array<[string, PropertyKey[]]> = [];
  walkCondition(c, (n, path) => seen.push([Object.keys(n)[0]!, path]), ['milestones', 0, 'condition']);
  expect(seen).toEqual([
    ['all', ['milestones', 0, 'condition']],
    ['event', ['milestones', 0, 'condition', 'all', 0]],
    ['any', ['milestones', 0, 'condition', 'all', 1]],
    ['milestone', ['milestones', 0, 'condition', 'all', 1, 'any', 0]],
    ['not', ['milestones', 0, 'condition', 'all', 1, 'any', 1]],
    ['trait', ['milestones', 0, 'condition', 'all', 1, 'any', 1, 'not']],
  ]);
});

it('does not descend into malformed nesting', () => {
  const seen: unknown[] = [];
  walkCondition({ all: 'no' } as unknown as Condition, (n) => seen.push(n));
  walkCondition({ not: null } as unknown as Condition, (n) => seen.push(n));
  expect(seen).toEqual([{ all: 'no' }, { not: null }]);
});

import type { z } from 'zod';
import { conditionUnionMessage } from '../condition/condition-schema.js';
import { conditionKinds } from '../condition/condition.js';
import { formatPath } from './format-path.js';

/** One problem in a config document: where (`checklists[0].items[2].guide`) and what, in plain words. */
export interface ConfigError {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const step of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}

const ownKinds = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? conditionKinds.filter((k) => Object.hasOwn(v, k)) : []);

const mixedKinds = (path: PropertyKey[], kinds: readonly string[]): ConfigError => ({
  path: formatPath(path),
  message: `has ${kinds.map((k) => `"${k}"`).join(' and ')}, but a condition has exactly one of them (combine conditions with "all" or "any")`,
});

/**
 * Turns zod issues into `ConfigError`s. A condition that fails is explained through the branch
 * its kind key selects (`{ "event": 5 }` says `event` must be a string, not that eight shapes
 * failed); an unknown field is reported at its own path.
 */
export function configErrors(issues: readonly Issue[], input: unknown, base: readonly PropertyKey[] = []): ConfigError[] {
  const out: ConfigError[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.message === conditionUnionMessage) {
      const kinds = ownKinds(valueAt(input, path));
      const kind = kinds[0];
      const branch = kind === undefined ? undefined : issue.errors[conditionKinds.indexOf(kind)];
      if (kinds.length > 1) out.push(mixedKinds(path, kinds));
      else if (branch) out.push(...configErrors(branch, input, path));
      else out.push({ path: formatPath(path), message: conditionUnionMessage });
    } else if (issue.code === 'unrecognized_keys') {
      // zod reports `{ "event": ..., "trait": ... }` as the event branch with an unknown "trait".
      const kinds = ownKinds(valueAt(input, path));
      if (kinds.length > 1 && issue.keys.some((k) => (conditionKinds as readonly string[]).includes(k))) out.push(mixedKinds(path, kinds));
      else for (const key of issue.keys) out.push({ path: formatPath([...path, key]), message: 'is not a known field' });
    } else out.push({ path: formatPath(path), message: issue.message });
  }
  return out;
}

const article = (what: string) => (what === 'int' ? 'a whole number' : /^[aeiou]/.test(what) ? `an ${what}` : `a ${what}`);
const unit = (origin: string, n: number | bigint) =>
  origin === 'string' ? ` character${n === 1 ? '' : 's'}` : origin === 'array' ? ` entr${n === 1 ? 'y' : 'ies'}` : '';

/** Plain messages for the issues that schemas do not word themselves (passed to `safeParse`). */
export const configErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'is required' : `must be ${article(iss.expected)}`;
    case 'invalid_value':
      return `must be ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      return iss.origin === 'string' && iss.minimum === 1 ? 'must not be empty' : `must be at least ${iss.minimum}${unit(iss.origin, iss.minimum)}`;
    case 'too_big':
      return `must be at most ${iss.maximum}${unit(iss.origin, iss.maximum)}`;
    default:
      return undefined;
  }
};

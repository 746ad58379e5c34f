import type { Scope } from '../condition/condition.js';

/** The trait names a config reads, per scope. */
export interface TraitsInUse {
  user: Set<string>;
  account: Set<string>;
}

/** `{{user.name}}`, `{{ account.plan | 'free' }}`: a trait named in a text template. */
const templateTrait = /\{\{\s*(user|account)\.([A-Za-z0-9_$][A-Za-z0-9_$-]*)/g;

/**
 * Every trait a config's conditions compare (anywhere: milestones, checklists, audiences, gates,
 * nudges, triggers) and every trait its texts name in a template. What a browser without
 * identity verification may read back of a user's traits is limited to these.
 */
export function traitsInUse(config: unknown): TraitsInUse {
  const used: TraitsInUse = { user: new Set(), account: new Set() };
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (value.includes('{{')) for (const m of value.matchAll(templateTrait)) used[m[1] as Scope].add(m[2]!);
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 200) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const node = value as Record<string, unknown>;
    if (typeof node['trait'] === 'string' && typeof node['op'] === 'string') used[node['scope'] === 'account' ? 'account' : 'user'].add(node['trait']);
    for (const v of Object.values(node)) visit(v, depth + 1);
  };
  visit(config, 0);
  return used;
}

/** `traits` with only the names in `names`. */
export function pickTraits(traits: Record<string, unknown> | undefined, names: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!traits) return out;
  for (const name of names) if (Object.hasOwn(traits, name)) out[name] = traits[name];
  return out;
}

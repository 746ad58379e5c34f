/** Whose data a condition node reads: the signed-in user's, or their account's (customer company). */
export type Scope = 'user' | 'account';

/** Comparisons on a number; several keys must all hold (`{ gte: 2, lte: 5 }` is a range). */
export interface Comparison {
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
  eq?: number;
}

/** A trailing time window, aligned to whole UTC hours (see `windowStart`). Exactly one key. */
export interface Within {
  days?: number;
  hours?: number;
}

/** JSON values a trait is compared with. */
export type TraitValue = string | number | boolean | null;

/** Operators of a trait node. */
export type TraitOp = 'eq' | 'neq' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte' | 'exists' | 'contains';

/** The event (by rollup key) happened `count` times (default `{ gte: 1 }`), optionally within a window. */
export interface EventCondition {
  event: string;
  count?: Comparison;
  within?: Within;
  scope?: Scope;
}

/** A user or account trait compared with a value; an absent trait fails every op (even `neq`, `nin`). */
export interface TraitCondition {
  trait: string;
  op: TraitOp;
  value?: TraitValue | TraitValue[];
  scope?: Scope;
  /**
   * Compare only the value set by a trusted source: a call with the secret key, or an identify
   * (group) verified with the user's hash. A value typed into a browser console is not trusted.
   */
  trusted?: boolean;
}

/** The milestone has been reached. */
export interface MilestoneCondition {
  milestone: string;
}

/** Every item of the checklist is done, or with `item`, that one item is done. */
export interface ChecklistCondition {
  checklist: string;
  item?: string;
}

/** Whole days since the user (or account) started, compared; false while the start is unknown. */
export interface DaysSinceStartCondition {
  daysSinceStart: Comparison;
  scope?: Scope;
}

/**
 * The user is on a matching page: a URL pattern (path and optional `#` hash route; `*` alone is
 * every page), optional query parameters (`"*"` for any value) and an optional title pattern
 * (`*` for any text, case-insensitive). Read from the current page in the browser and from the
 * user's latest page view on the collector.
 */
export interface PageCondition {
  page: string;
  query?: Record<string, string>;
  title?: string;
}

/** Every child holds (true when empty). */
export interface AllCondition {
  all: Condition[];
}

/** At least one child holds (false when empty). */
export interface AnyCondition {
  any: Condition[];
}

/** The child does not hold. */
export interface NotCondition {
  not: Condition;
}

/** One node of the condition language: an object with exactly one of the kind keys. */
export type Condition =
  | EventCondition
  | TraitCondition
  | MilestoneCondition
  | ChecklistCondition
  | DaysSinceStartCondition
  | PageCondition
  | AllCondition
  | AnyCondition
  | NotCondition;

/** The key that says what a node is, in the order the schema tries them. */
export const conditionKinds = ['event', 'trait', 'milestone', 'checklist', 'daysSinceStart', 'page', 'all', 'any', 'not'] as const;

/** A condition node's kind. */
export type ConditionKind = (typeof conditionKinds)[number];

/** Deepest nesting of `all`/`any`/`not` accepted (a leaf at the top is depth 1). */
export const maxConditionDepth = 12;

/** The kind of a node: the first kind key it has, or undefined for anything else. */
export function conditionKind(node: unknown): ConditionKind | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  return conditionKinds.find((k) => Object.hasOwn(node, k));
}

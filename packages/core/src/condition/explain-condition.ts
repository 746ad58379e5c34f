import { compareCount, formatComparison } from './compare-count.js';
import { conditionKind, type Condition, type ConditionKind, type Scope, type TraitCondition, type Within } from './condition.js';
import { daysSince, type ConditionFacts } from './condition-facts.js';
import { defaultEventCount, eventNodeCount } from './evaluate-condition.js';
import { matchPage } from '../page/match-page.js';
import { traitHolds } from './trait-holds.js';

/** Why a condition holds or not: a tree mirroring the condition, for debug mode and the dashboard. */
export interface Explanation {
  /** The node's kind, or `unknown` for something that is not a condition. */
  kind: ConditionKind | 'unknown';
  /** Whether this node holds (always equal to `evaluateCondition` of it). */
  result: boolean;
  /** A short reason for people, e.g. `"Report Exported" 1 time in the last 7 days, needs ≥ 3`. */
  reason: string;
  /** The node explained. */
  condition: Condition;
  /** The explanations of an `all`/`any`/`not` node's children, in order. */
  children?: Explanation[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A value for a reason string; never throws (traits can be anything). */
function show(v: unknown): string {
  try {
    const text =
      typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' || typeof v === 'number' || typeof v === 'boolean' ? JSON.stringify(v) : String(v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(v);
  }
}

const windowText = (w: Within) => (w.days !== undefined ? ` in the last ${plural(w.days, 'day')}` : ` in the last ${plural(w.hours ?? 0, 'hour')}`);

function traitNeed(node: TraitCondition): string {
  const v = node.value;
  const list = Array.isArray(v) ? v.map(show).join(', ') : show(v);
  switch (node.op) {
    case 'exists':
      return 'needs it to be set';
    case 'eq':
      return `needs = ${list}`;
    case 'neq':
      return `needs ≠ ${list}`;
    case 'in':
      return `needs one of ${list}`;
    case 'nin':
      return `needs none of ${list}`;
    case 'contains':
      return `needs it to contain ${list}`;
    case 'gt':
      return `needs > ${list}`;
    case 'gte':
      return `needs ≥ ${list}`;
    case 'lt':
      return `needs < ${list}`;
    case 'lte':
      return `needs ≤ ${list}`;
    default:
      return 'is not a known test';
  }
}

const whose = (scope: Scope | undefined) => (scope === 'account' ? 'the account' : 'the user');

/**
 * Evaluates the condition and says why, node by node. Unlike `evaluateCondition` it does not
 * short-circuit, so every child of `all`/`any` is explained.
 */
export function explainCondition(c: Condition, facts: ConditionFacts): Explanation {
  const kind = conditionKind(c) ?? 'unknown';
  const leaf = (result: boolean, reason: string): Explanation => ({ kind, result, reason, condition: c });
  if ('all' in c || 'any' in c) {
    const list: unknown = 'all' in c ? c.all : c.any;
    const children = Array.isArray(list) ? list.map((x: Condition) => explainCondition(x, facts)) : [];
    const held = children.filter((x) => x.result).length;
    if ('all' in c) {
      const result = Array.isArray(list) && held === children.length;
      return { ...leaf(result, children.length === 0 ? 'no conditions, so it holds' : `${held} of ${children.length} hold, needs all`), children };
    }
    return {
      ...leaf(held > 0, children.length === 0 ? 'no conditions, so it never holds' : `${held} of ${children.length} hold, needs at least one`),
      children,
    };
  }
  if ('not' in c) {
    if (typeof c.not !== 'object' || c.not === null) return leaf(false, 'not a condition');
    const inner = explainCondition(c.not, facts);
    return { ...leaf(!inner.result, inner.result ? 'the inner condition holds, needs it not to' : 'the inner condition does not hold'), children: [inner] };
  }
  if ('event' in c) {
    const n = eventNodeCount(c, facts);
    const need = c.count ?? defaultEventCount;
    const by = c.scope === 'account' ? ' by the account' : '';
    return leaf(compareCount(n, need), `${show(c.event)} ${plural(n, 'time')}${by}${c.within ? windowText(c.within) : ''}, needs ${formatComparison(need)}`);
  }
  if ('trait' in c) {
    const actual = facts.trait(c.scope ?? 'user', c.trait, c.trusted === true);
    const label = `${c.trusted ? 'trusted ' : ''}${c.scope === 'account' ? `account ${c.trait}` : c.trait}`;
    const is = actual === undefined || actual === null ? 'is not set' : `is ${show(actual)}`;
    return leaf(traitHolds(c, actual), `${label} ${is}, ${traitNeed(c)}`);
  }
  if ('milestone' in c) {
    const reached = facts.milestoneReached(c.milestone) === true;
    return leaf(reached, `milestone ${show(c.milestone)} ${reached ? 'reached' : 'not reached yet'}`);
  }
  if ('checklist' in c) {
    if (c.item === undefined) {
      const complete = facts.checklistComplete(c.checklist) === true;
      return leaf(complete, `checklist ${show(c.checklist)} ${complete ? 'complete' : 'not complete yet'}`);
    }
    const done = facts.checklistItemDone(c.checklist, c.item) === true;
    return leaf(done, `item ${show(c.item)} of checklist ${show(c.checklist)} ${done ? 'done' : 'not done yet'}`);
  }
  if ('page' in c) {
    const page = facts.page?.();
    const want = [
      c.page === '*' ? 'any page' : show(c.page),
      ...Object.entries(c.query ?? {}).map(([k, v]) => `${k}=${v}`),
      ...(c.title === undefined ? [] : [`title ${show(c.title)}`]),
    ].join(', ');
    if (!page) return leaf(false, `page unknown, needs ${want}`);
    const at = `${page.path}${page.search ? `?${page.search}` : ''}${page.hash ? `#${page.hash}` : ''}`;
    return leaf(matchPage(c, page), `on ${show(at)}${page.title ? ` (${show(page.title)})` : ''}, needs ${want}`);
  }
  if ('daysSinceStart' in c) {
    const start = facts.startedAt(c.scope ?? 'user');
    const need = formatComparison(c.daysSinceStart);
    if (typeof start !== 'number') return leaf(false, `start of ${whose(c.scope)} unknown, needs day ${need}`);
    const day = daysSince(start, facts.now);
    return leaf(compareCount(day, c.daysSinceStart), `day ${day} since ${whose(c.scope)} started, needs ${need}`);
  }
  return leaf(false, 'not a condition');
}

import { compareCount } from './compare-count.js';
import type { Comparison, Condition, EventCondition } from './condition.js';
import { daysSince, windowStart, type ConditionFacts } from './condition-facts.js';
import { matchPage } from '../page/match-page.js';
import { traitHolds } from './trait-holds.js';

/** The count an event node needs when it gives none: at least once. */
export const defaultEventCount: Comparison = { gte: 1 };

/** How many times an event node's event happened in its window (all time without one). */
export function eventNodeCount(node: EventCondition, facts: ConditionFacts): number {
  const since = node.within ? windowStart(facts.now, node.within) : undefined;
  const n = facts.eventCount(node.event, node.scope ?? 'user', since);
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/**
 * Whether the condition holds for the facts. The one evaluator: the SDK runs it for instant
 * feedback and the collector as the source of truth. Never throws on missing data; a node it
 * does not recognise is false.
 */
export function evaluateCondition(c: Condition, facts: ConditionFacts): boolean {
  if ('all' in c) return Array.isArray(c.all) && c.all.every((x) => evaluateCondition(x, facts));
  if ('any' in c) return Array.isArray(c.any) && c.any.some((x) => evaluateCondition(x, facts));
  if ('not' in c) return typeof c.not === 'object' && c.not !== null && !evaluateCondition(c.not, facts);
  if ('event' in c) return compareCount(eventNodeCount(c, facts), c.count ?? defaultEventCount);
  if ('trait' in c) return traitHolds(c, facts.trait(c.scope ?? 'user', c.trait, c.trusted === true));
  if ('milestone' in c) return facts.milestoneReached(c.milestone) === true;
  if ('checklist' in c) return (c.item === undefined ? facts.checklistComplete(c.checklist) : facts.checklistItemDone(c.checklist, c.item)) === true;
  if ('page' in c) {
    const page = facts.page?.();
    return page !== undefined && matchPage(c, page);
  }
  if ('daysSinceStart' in c) {
    const start = facts.startedAt(c.scope ?? 'user');
    return typeof start === 'number' && compareCount(daysSince(start, facts.now), c.daysSinceStart);
  }
  return false;
}

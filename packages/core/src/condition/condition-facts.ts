import type { PageFacts } from '../page/page-facts.js';
import type { Scope, Within } from './condition.js';

/**
 * What the evaluator may ask about one user (and their account) at one moment. The browser
 * implements it from a `StateSnapshot` (`snapshotFacts`), the collector from its rollups; wrap
 * either in `deriveFacts(config, facts)` so milestones and checklist items also count when their
 * conditions hold now, not only once recorded. Implementations must not throw: unknown data is
 * 0, undefined or false.
 */
export interface ConditionFacts {
  /** The moment the conditions are evaluated at, in ms since the epoch. */
  readonly now: number;
  /**
   * How many times the event key was recorded for the scope, all time, or at or after `sinceMs`
   * (always the start of a UTC hour: see `windowStart`).
   */
  eventCount(key: string, scope: Scope, sinceMs?: number): number;
  /**
   * A trait's value, or undefined when it is not set. With `trusted`, only the value last set by
   * a trusted source (the secret key, or a verified identify or group).
   */
  trait(scope: Scope, name: string, trusted?: boolean): unknown;
  /** When the user (first seen) or account (first seen, or its `createdAt`) started, in ms. */
  startedAt(scope: Scope): number | undefined;
  /** Whether the milestone has been reached. */
  milestoneReached(key: string): boolean;
  /** Whether the checklist item is done. */
  checklistItemDone(checklist: string, item: string): boolean;
  /** Whether every item of the checklist is done. */
  checklistComplete(checklist: string): boolean;
  /** The page the user is on (the browser's current page, the collector's latest page view); undefined when unknown. */
  page?(): PageFacts | undefined;
}

/** Facts with nothing known at `now` (no events, traits, starts, milestones or checklist items), with `over` in their place. */
export function noFacts(now: number, over: Partial<ConditionFacts> = {}): ConditionFacts {
  return {
    now,
    eventCount: () => 0,
    trait: () => undefined,
    startedAt: () => undefined,
    milestoneReached: () => false,
    checklistItemDone: () => false,
    checklistComplete: () => false,
    ...over,
  };
}

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/**
 * Where an event window starts: the top of the UTC hour containing `now - duration`. Aligning
 * to hours lets a snapshot of hourly buckets and a SQL query on raw timestamps count exactly the
 * same events; a "7 days" window therefore covers 7 days plus up to one hour.
 */
export function windowStart(now: number, within: Within): number {
  const duration = (within.days ?? 0) * dayMs + (within.hours ?? 0) * hourMs;
  return Math.floor((now - duration) / hourMs) * hourMs;
}

/** Whole days from `start` to `now`: 0 during the first 24 hours; never negative (clock skew). */
export function daysSince(start: number, now: number): number {
  return Math.max(0, Math.floor((now - start) / dayMs));
}

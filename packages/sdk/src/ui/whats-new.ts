import { evaluateCondition, type Announcement, type ConditionFacts, type WaymarkConfig } from '@waymark/core';
import type { NewsMark } from './user-marks.js';

/** An announcement in What's new, and whether the user has seen it (on any device). */
export interface NewsItem {
  a: Announcement;
  read: boolean;
}

/**
 * What's new for this user: the announcements published by now (a `published` date to come holds
 * one back) whose audience holds, the newest `published` first, then in config order.
 */
export function whatsNew(config: WaymarkConfig, facts: ConditionFacts, marks: Record<string, NewsMark>): NewsItem[] {
  return config.announcements
    .filter((a) => !(Date.parse(a.published ?? '') > facts.now) && (!a.audience || evaluateCondition(a.audience, facts)))
    .map((a) => ({ a, read: !!marks[a.key] }))
    .sort((x, y) => (y.a.published ?? '').localeCompare(x.a.published ?? ''));
}

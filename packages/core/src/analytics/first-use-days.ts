import type { Feature } from '../config/feature.js';
import { featureEventKeys } from '../config/feature-event-keys.js';

/** When each user activated and each core feature was first used, as account days. */
export interface FirstUseDays {
  /** Actor → the day they activated: their first use of a core (basic-tier) feature, or of anything when no feature is basic. */
  activated: Map<string, number>;
  /** Basic feature key → the day any user first used it. */
  features: Map<string, number>;
}

/**
 * What "activated" means, once: a user is activated from the first day they used a core feature
 * (one of tier `basic`, through any of its events); with no basic feature in the config, from the
 * first day they used anything. `usage` lists, per user and event key, the day of first use.
 */
export function firstUseDays(
  features: ReadonlyArray<Pick<Feature, 'key' | 'tier' | 'events'>>,
  usage: Iterable<{ actor: string; eventKey: string; day: number }>,
): FirstUseDays {
  const basic = features.filter((f) => f.tier === 'basic');
  const featuresOfKey = new Map<string, string[]>();
  for (const f of basic) for (const k of featureEventKeys(f)) featuresOfKey.set(k, [...(featuresOfKey.get(k) ?? []), f.key]);
  const activated = new Map<string, number>();
  const firstUse = new Map<string, number>();
  for (const u of usage) {
    const keys = featuresOfKey.get(u.eventKey);
    if (basic.length > 0 && !keys) continue;
    activated.set(u.actor, Math.min(u.day, activated.get(u.actor) ?? u.day));
    for (const f of keys ?? []) firstUse.set(f, Math.min(u.day, firstUse.get(f) ?? u.day));
  }
  return { activated, features: firstUse };
}

import { featureUsedEvent } from '../event-key.js';
import type { Feature } from './feature.js';

/**
 * The event keys that count as using a feature: its own declarative tag first
 * (`Feature Used:<key>`, what `data-waymark-feature="<key>"` records), then its `events`, without
 * duplicates. So a feature tagged in the page counts as used with no `events` listed at all.
 */
export function featureEventKeys(feature: Pick<Feature, 'key'> & { events?: readonly string[] | undefined }): string[] {
  return [...new Set([`${featureUsedEvent}:${feature.key}`, ...(feature.events ?? [])])];
}

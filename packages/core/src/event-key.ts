import type { Message } from './message.js';

/** Event name the SDK records for a click on declaratively tagged features. */
export const featureUsedEvent = 'Feature Used';
/** Event key rollups use for page views. */
export const pageEventKey = '$page';

/**
 * The key an event is counted under in rollups: a track's event name; a page view as `$page`;
 * a `Feature Used` track as `Feature Used:<feature>` so each tagged feature gets its own counter.
 * Returns undefined for messages that are not usage (identify, group).
 */
export function eventKey(m: Message): string | undefined {
  if (m.type === 'page') return pageEventKey;
  if (m.type !== 'track') return undefined;
  const feature = m.properties?.['feature'];
  if (m.event === featureUsedEvent && typeof feature === 'string' && feature !== '') return `${featureUsedEvent}:${feature}`;
  return m.event;
}

import { limits, splitBatches } from '@waymark/core';
import { batchBody } from './batch-body.js';
import type { Platform } from './platform.js';
import type { QueuedMessage } from './queue-store.js';

/**
 * Sends `messages` with `navigator.sendBeacon`, split so each body stays under the beacon limit.
 * Stops at the first refusal; returns the ids handed to the browser (they stay queued until confirmed).
 */
export function sendBeacons(messages: readonly QueuedMessage[], url: string, writeKey: string, platform: Pick<Platform, 'sendBeacon' | 'now'>): string[] {
  const sent: string[] = [];
  for (const batch of splitBatches(messages, { maxCount: limits.maxBatchMessages, maxBytes: limits.maxBeaconBytes })) {
    // The dropped count is only reported by requests whose answer we can read, so it is counted once.
    const body = batchBody(batch, writeKey, platform.now(), 0);
    let ok = false;
    try {
      ok = platform.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
    } catch {
      // sendBeacon throws on some invalid states; treat it as a refusal
    }
    if (!ok) break;
    for (const m of batch) sent.push(m.id);
  }
  return sent;
}

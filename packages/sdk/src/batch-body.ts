import type { QueuedMessage } from './queue-store.js';

/**
 * The `POST /v1/batch` body, assembled from the messages' stored JSON so nothing is serialised twice.
 * `sentAt` is the client clock at this attempt in ms (the collector measures clock skew from it),
 * sent as an ISO date.
 */
export function batchBody(messages: readonly QueuedMessage[], writeKey: string, sentAt: number, dropped: number): string {
  const tail = dropped > 0 ? `,"dropped":${dropped}` : '';
  return `{"batch":[${messages.map((m) => m.json).join(',')}],"sentAt":${JSON.stringify(new Date(sentAt))},"writeKey":${JSON.stringify(writeKey)}${tail}}`;
}

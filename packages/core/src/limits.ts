/** Size limits shared by the SDK (so it never sends what the collector refuses) and the collector. */
export const limits = {
  /** Largest single message, in bytes of UTF-8 JSON. */
  maxMessageBytes: 32 * 1024,
  /** Largest batch request body, in bytes. */
  maxBatchBytes: 500 * 1024,
  /** Largest number of messages in one batch. */
  maxBatchMessages: 2000,
  /** `navigator.sendBeacon` refuses payloads over 64 KiB (summed over in-flight beacons); stay under it. */
  maxBeaconBytes: 60 * 1024,
  /** Deepest nesting accepted inside properties, traits and context. */
  maxDepth: 16,
  /** Longest accepted identifier (messageId, userId, anonymousId, groupId). */
  maxIdLength: 200,
  /** Longest accepted event name. */
  maxEventNameLength: 200,
} as const;

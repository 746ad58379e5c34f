import { byteLength, envelopeOverheadBytes, limits } from '@waymark/core';
import { messageJson } from './message-json.js';
import type { SimMessage } from './simulation-types.js';

/** Messages serialised for one request, with their total size. */
export interface PackedBatch {
  messages: string[];
  bytes: number;
}

/** How many messages and bytes one batch may hold (below the collector's 2,000 messages and 500 KB). */
export interface PackLimits {
  maxCount: number;
  maxBytes: number;
}

/** A batch size that keeps requests short on PGlite while well under every limit. */
export const defaultPackLimits: PackLimits = { maxCount: 500, maxBytes: limits.maxBatchBytes - 8 * 1024 };

/**
 * Serialises messages in order and cuts them into batches under `packLimits` (counting the
 * envelope), lazily, so only the batches in flight are held as text. A message over the
 * collector's 32 KB limit is a bug in the simulator and throws.
 */
export function* packBatches(messages: Iterable<SimMessage>, packLimits: PackLimits = defaultPackLimits): Generator<PackedBatch> {
  const maxCount = Math.min(packLimits.maxCount, limits.maxBatchMessages);
  const maxBytes = Math.min(packLimits.maxBytes, limits.maxBatchBytes);
  let batch: string[] = [];
  let bytes = envelopeOverheadBytes;
  for (const message of messages) {
    const json = messageJson(message);
    const size = byteLength(json);
    if (size > limits.maxMessageBytes)
      throw new RangeError(`message ${message.body.messageId} is ${size} bytes, over the ${limits.maxMessageBytes}-byte limit`);
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size + 1 > maxBytes)) {
      yield { messages: batch, bytes };
      batch = [];
      bytes = envelopeOverheadBytes;
    }
    batch.push(json);
    bytes += size + 1;
  }
  if (batch.length > 0) yield { messages: batch, bytes };
}

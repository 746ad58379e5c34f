/** A queued item with its serialised size. */
export interface Sized {
  bytes: number;
}

/** Limits for one outgoing batch. */
export interface BatchLimits {
  maxCount: number;
  maxBytes: number;
}

/** Bytes the batch envelope adds around its messages (`{"batch":[...],"sentAt":...}` and commas). */
export const envelopeOverheadBytes = 256;

/**
 * Takes the longest prefix of `items` that fits in one batch. Always takes at least one
 * item when any exist, so an oversized item is sent (and refused) rather than blocking the queue.
 */
export function takeBatch<T extends Sized>(items: readonly T[], limits: BatchLimits): T[] {
  const out: T[] = [];
  let bytes = envelopeOverheadBytes;
  for (const item of items) {
    if (out.length >= limits.maxCount) break;
    if (out.length > 0 && bytes + item.bytes + 1 > limits.maxBytes) break;
    out.push(item);
    bytes += item.bytes + 1;
  }
  return out;
}

/** Splits all `items` into consecutive batches under the limits (used for beacons on page hide). */
export function splitBatches<T extends Sized>(items: readonly T[], limits: BatchLimits): T[][] {
  const batches: T[][] = [];
  let rest = items;
  while (rest.length > 0) {
    const batch = takeBatch(rest, limits);
    batches.push(batch);
    rest = rest.slice(batch.length);
  }
  return batches;
}

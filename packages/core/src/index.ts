export { limits } from './limits.js';
export { createMessageId, type RandomBytes } from './message-id.js';
export { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff.js';
export { parseRetryAfter } from './retry-after.js';
export { retryDecision, type RetryDecision } from './retry-decision.js';
export { byteLength } from './byte-length.js';
export { takeBatch, splitBatches, envelopeOverheadBytes, type Sized, type BatchLimits } from './take-batch.js';
export { flushDelay, defaultFlushRules, type FlushRules } from './should-flush.js';
export { clockOffset, correctTimestamp, maxFutureSkewMs, type TimestampSource } from './correct-timestamp.js';
export { inspectJson, forbiddenKeys, type ShapeProblem, type JsonInspection } from './json-shape.js';
export {
  message,
  trackMessage,
  identifyMessage,
  groupMessage,
  pageMessage,
  batchEnvelope,
  type Message,
  type MessageInput,
  type MessageType,
  type TrackMessage,
  type IdentifyMessage,
  type GroupMessage,
  type PageMessage,
  type BatchEnvelope,
} from './message.js';
export { eventKey, featureUsedEvent, pageEventKey } from './event-key.js';

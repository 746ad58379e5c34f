import { expect, it } from 'vitest';
import * as core from './index.js';

it('pins the public exports', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "backoffDelay",
      "batchEnvelope",
      "byteLength",
      "clockOffset",
      "correctTimestamp",
      "createMessageId",
      "defaultBackoff",
      "defaultFlushRules",
      "envelopeOverheadBytes",
      "eventKey",
      "featureUsedEvent",
      "flushDelay",
      "forbiddenKeys",
      "groupMessage",
      "identifyMessage",
      "inspectJson",
      "limits",
      "maxFutureSkewMs",
      "message",
      "pageEventKey",
      "pageMessage",
      "parseRetryAfter",
      "retryDecision",
      "splitBatches",
      "takeBatch",
      "trackMessage",
    ]
  `);
});

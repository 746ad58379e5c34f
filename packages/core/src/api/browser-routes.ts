import { apiError, json, withErrors, type ApiRoute } from './api-route.js';
import { batchBodySchema, batchResultSchema } from './batch.js';
import { browserKeyQuerySchema, configBodySchema, configHeadersSchema } from './config.js';
import { gatesQuerySchema, userGatesSchema } from './gates.js';
import { keyErrors } from './route-auth.js';
import { stateQuerySchema, userStateSchema } from './state.js';

const badHash = 'A userId without its valid userHash (`invalid_user_hash`).';

/** The calls browsers make with the public key (and servers with the secret key): ingest, config, user state and gates. */
export const browserRoutes: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/v1/batch',
    summary: 'Send a batch of Segment-spec messages',
    description: "JSON or text/plain (beacons). Key from Basic auth, Bearer, or the body's writeKey. Answered after commit; dedup on messageId.",
    security: [],
    body: { schema: batchBodySchema, media: ['application/json', 'text/plain'] },
    responses: withErrors(
      {
        '200': json(batchResultSchema, 'At least one message was accepted or a duplicate; results are in batch order.'),
        '400': apiError(
          'Invalid JSON, UTF-8 or envelope (`invalid_json`, `invalid_utf8`, `invalid_body`), or every message rejected (`invalid_messages`, with `results`).',
        ),
        '413': apiError('Body over 500 KB (`batch_too_large`) or a message over 32 KB (`message_too_large`, with `messages`).'),
        '415': apiError('Content-Type is not application/json or text/plain (`unsupported_content_type`).'),
      },
      keyErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/config',
    summary: "The app's current config, defaults filled in (for the SDK)",
    security: [],
    query: browserKeyQuerySchema,
    headers: configHeadersSchema,
    responses: withErrors(
      {
        '200': json(configBodySchema, 'The config, with a strong ETag per version.'),
        '304': { description: 'Not modified (If-None-Match named the current ETag).' },
        '404': apiError('No config pushed yet (`no_config`).'),
      },
      keyErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/state',
    summary: "A user's progress, as the server knows it",
    security: [],
    query: stateQuerySchema,
    responses: withErrors(
      {
        '200': json(userStateSchema, 'The state (Cache-Control: no-store).'),
        '400': apiError('Neither userId nor anonymousId, or a bad query parameter (`invalid_query`).'),
        '401': apiError(badHash),
      },
      keyErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/gates',
    summary: "A user's gates, for the vendor's backend to enforce",
    description: 'Secret key (Bearer) for any user; a public key (from a browser on an allowed origin) only with the userHash of the userId.',
    security: [],
    query: gatesQuerySchema,
    responses: withErrors(
      {
        '200': json(userGatesSchema, 'The gates by key (Cache-Control: no-store).'),
        '400': apiError('A bad query parameter (`invalid_query`).'),
        '401': apiError(badHash),
        '404': apiError('`gate` names no gate of the current config (`unknown_gate`).'),
      },
      keyErrors,
    ),
  },
];

import { batchEnvelope, configJsonSchema, jsonSchemaOverride, message } from '@waymark/core';
import { z } from 'zod';
import { openApiAuthPaths } from './openapi-auth-paths.js';
import { openApiAlertPaths, openApiAlertSchemas } from './openapi-alert-paths.js';
import { openApiAnalyticsPaths } from './openapi-analytics-paths.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => json(ref('Error'), description);
const query = (name: string, description: string, schema: Json = { type: 'string' }, required = false): Json => ({ name, in: 'query', required, description, schema });
const publicKey = query('key', 'The public key (pk_...) from a browser on an allowed origin, or the secret key from a server.', { type: 'string' }, true);
const authErrors = { '401': error('Missing, unknown or wrong kind of key (`missing_key`, `invalid_key`, `secret_key_required`, `invalid_authorization`).'), '403': error('A public key without an allowed Origin (`origin_required`, `origin_not_allowed`).') };
// App-scoped admin calls: the secret key, or a CSM session naming the app with ?appId=.
const admin = { security: [{ secretKey: [] }, { csmSession: [] }] };

/** JSON Schema of a zod schema, for the document's components. */
const schemaOf = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override: jsonSchemaOverride }) as Json;

/** Rewrites `#/$defs/X` references to `#/components/schemas/X`, anywhere in a schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewriteRefs(v)]),
  );
}

/**
 * Makes a standalone JSON Schema a component: drops its dialect, and moves its `$defs` next to
 * it in `components.schemas` (OpenAPI resolves references from the document root).
 */
function component(schema: Json, into: Record<string, unknown>): Json {
  const { $schema: _dialect, $defs, ...rest } = schema;
  for (const [name, def] of Object.entries(($defs as Json | undefined) ?? {})) into[name] = rewriteRefs(def);
  return rewriteRefs(rest) as Json;
}

/**
 * The machine-readable description (OpenAPI 3.1) of the collector's HTTP API. Served at
 * `GET /v1/openapi.json` and checked in as docs/openapi.json; a test keeps both and the routes in step.
 */
export function openApiDocument(): Json {
  const defs: Record<string, unknown> = {};
  const messageSchema = component(schemaOf(message), defs);
  const envelopeSchema = component(schemaOf(batchEnvelope), defs);
  const configSchema = component(configJsonSchema(), defs);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Waymark collector',
      version: '1',
      description: 'Ingest (Segment-compatible), config, user state and admin API of the Waymark collector. Prose reference: docs/api.md.',
    },
    servers: [{ url: 'http://localhost:8787' }],
    components: {
      securitySchemes: {
        csmSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'waymark_session',
          description:
            'A CSM session (POST /v1/auth/login). On app-scoped admin calls name the app with the appId query parameter; a csm without access to it gets 404 app_not_found. Changes need Content-Type: application/json and a same-origin Origin (docs/dashboard-auth.md).',
        },
        secretKey: { type: 'http', scheme: 'bearer', description: "The app's secret key (sk_...) as a Bearer token, or as the Basic auth user name." },
      },
      schemas: {
        ...defs,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string', description: 'Where the problem is, e.g. batch[3].messageId.' } },
              additionalProperties: true,
            },
          },
        },
        Message: messageSchema,
        BatchEnvelope: { ...envelopeSchema, properties: { ...(envelopeSchema['properties'] as Json), batch: { type: 'array', maxItems: 2000, items: ref('Message') } } },
        BatchResult: {
          type: 'object',
          properties: {
            ok: { type: 'boolean' },
            accepted: { type: 'integer' },
            duplicates: { type: 'integer' },
            rejected: { type: 'integer' },
            results: {
              type: 'array',
              items: {
                type: 'object',
                required: ['messageId', 'status'],
                properties: {
                  messageId: { type: ['string', 'null'] },
                  status: { enum: ['accepted', 'duplicate', 'rejected'] },
                  error: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } },
                },
              },
            },
          },
        },
        Config: configSchema,
        UserState: {
          type: 'object',
          required: ['snapshot', 'guides', 'dismissed', 'configVersion', 'overrides', 'celebrated', 'nudges'],
          properties: {
            snapshot: { type: 'object', description: 'A StateSnapshot of @waymark/core: counters, traits, start times, milestones, checklist items and checklists reached.' },
            guides: {
              type: 'object',
              additionalProperties: { type: 'object', properties: { status: { enum: ['active', 'completed', 'dismissed', 'errored'] }, step: { type: 'string' }, at: { type: 'string', format: 'date-time' } } },
            },
            dismissed: { type: 'array', items: { type: 'string' } },
            configVersion: { type: ['integer', 'null'] },
            overrides: {
              type: 'object',
              additionalProperties: { enum: ['unlock', 'lock'] },
              description: "The CSM override in force per gate key (the user's beats the account's); only gates with one; {} for anonymous visitors.",
            },
            celebrated: { type: 'array', items: { type: 'string' }, description: 'Gate keys with a `Gate Unlocked` event from this user, sorted.' },
            nudges: {
              type: 'array',
              maxItems: 500,
              description: "The user's nudge history (core's NudgeHistory) from their nudge events of the last 90 days, the newest 500, oldest first.",
              items: {
                type: 'object',
                required: ['type', 'nudge', 'at'],
                properties: {
                  type: { enum: ['shown', 'dismissed', 'snoozed'] },
                  nudge: { type: 'string' },
                  at: { type: 'number', description: 'ms since the epoch' },
                  session: { type: 'string', description: 'shown only' },
                  until: { type: 'number', description: 'snoozed only: ms since the epoch' },
                },
              },
            },
          },
        },
        GateState: {
          type: 'object',
          required: ['unlocked', 'reason', 'locked', 'todo', 'missing'],
          properties: {
            unlocked: { type: 'boolean' },
            reason: { enum: ['condition', 'override', 'locked'], description: 'condition: its unlock condition holds; override: a CSM override decided; locked: the condition does not hold yet.' },
            locked: { enum: ['disable', 'hide', 'teaser'], description: 'How the feature looks while locked (from the config).' },
            progress: { type: 'object', properties: { done: { type: 'integer' }, total: { type: 'integer' } }, description: 'Checklist items the condition asks for; only when it names checklists.' },
            todo: {
              type: 'array',
              items: { type: 'object', required: ['checklist', 'item'], properties: { checklist: { type: 'string' }, item: { type: 'string' } } },
              description: 'Those checklist items not done yet, in config order.',
            },
            missing: { type: 'object', description: "The unlock condition explained node by node (core's explainCondition)." },
          },
        },
        GateOverride: {
          type: 'object',
          required: ['gate', 'scope', 'subjectId', 'state', 'by', 'at'],
          properties: {
            gate: { type: 'string' },
            scope: { enum: ['account', 'user'] },
            subjectId: { type: 'string', description: 'The accountId or userId.' },
            state: { enum: ['unlock', 'lock', null], description: 'null: cleared (in the log and in a PUT answer).' },
            previous: { enum: ['unlock', 'lock', null], description: 'The state before this change (log and PUT answer only).' },
            by: { type: 'string' },
            at: { type: 'string', format: 'date-time' },
          },
        },
        StuckUser: {
          type: 'object',
          required: ['userId', 'accountId', 'checklist', 'item', 'reason', 'stuckSince', 'lastStuckAt', 'markedAt', 'clearedAt'],
          properties: {
            userId: { type: ['string', 'null'], description: 'null for a visitor who never identified (see anonymousId).' },
            anonymousId: { type: 'string' },
            accountId: { type: ['string', 'null'] },
            checklist: { type: 'string' },
            item: { type: 'string' },
            reason: { type: 'string', description: 'From the latest `User Stuck` event, e.g. idle-on-step, rage-clicks.' },
            stuckSince: { type: 'string', format: 'date-time', description: 'The first `User Stuck` event on the item since it was last completed.' },
            lastStuckAt: { type: 'string', format: 'date-time' },
            markedAt: { type: 'string', format: 'date-time' },
            clearedAt: { type: ['string', 'null'], format: 'date-time', description: 'When the item got done; null while still stuck.' },
          },
        },
        ...openApiAlertSchemas(),
        ConfigVersion: {
          type: 'object',
          properties: { version: { type: 'integer' }, etag: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, note: { type: ['string', 'null'] }, restoredFrom: { type: ['integer', 'null'] } },
        },
      },
    },
    paths: {
      '/v1/batch': {
        post: {
          summary: 'Send a batch of Segment-spec messages',
          description: 'JSON or text/plain (beacons). Key from Basic auth, Bearer, or the body\'s writeKey. Answered after commit; dedup on messageId.',
          requestBody: { required: true, content: { 'application/json': { schema: ref('BatchEnvelope') }, 'text/plain': { schema: ref('BatchEnvelope') } } },
          responses: {
            '200': json(ref('BatchResult'), 'At least one message was accepted or a duplicate; results are in batch order.'),
            '400': error('Invalid JSON, UTF-8 or envelope, or every message rejected (`invalid_messages`, with `results`).'),
            ...authErrors,
            '413': error('Body over 500 KB (`batch_too_large`) or a message over 32 KB (`message_too_large`).'),
            '415': error('Content-Type is not application/json or text/plain.'),
          },
        },
      },
      '/v1/config': {
        get: {
          summary: "The app's current config, defaults filled in (for the SDK)",
          parameters: [publicKey, { name: 'If-None-Match', in: 'header', schema: { type: 'string' } }],
          responses: {
            '200': json({ type: 'object', properties: { version: { type: 'integer' }, config: ref('Config') } }, 'The config, with a strong ETag per version.'),
            '304': { description: 'Not modified (If-None-Match named the current ETag).' },
            ...authErrors,
            '404': error('No config pushed yet (`no_config`).'),
          },
        },
      },
      '/v1/state': {
        get: {
          summary: "A user's progress, as the server knows it",
          parameters: [
            publicKey,
            query('userId', 'The identified user.'),
            query('anonymousId', 'Before identify: the device\'s anonymous id.'),
            query('userHash', 'hex(HMAC-SHA256(secretKey, userId)), required when the app requires identity verification.'),
          ],
          responses: { '200': json(ref('UserState'), 'The state (Cache-Control: no-store).'), '400': error('Neither userId nor anonymousId.'), ...authErrors },
        },
      },
      '/v1/gates': {
        get: {
          summary: "A user's gates, for the vendor's backend to enforce",
          description: 'Secret key (Bearer) for any user; a public key (from a browser on an allowed origin) only with the userHash of the userId.',
          parameters: [
            { ...publicKey, required: false, description: 'The public key (needs userHash); or send the secret key as a Bearer token.' },
            query('userId', 'The user.', { type: 'string' }, true),
            query('userHash', 'hex(HMAC-SHA256(secretKey, userId)); required with the public key.'),
            query('gate', 'Only this gate.'),
          ],
          responses: {
            '200': json({ type: 'object', properties: { gates: { type: 'object', additionalProperties: ref('GateState') } } }, 'The gates by key (Cache-Control: no-store).'),
            '400': error('A bad query parameter (`invalid_query`).'),
            ...authErrors,
            '404': error('`gate` names no gate of the current config (`unknown_gate`).'),
          },
        },
      },
      '/v1/admin/app': { get: { ...admin, summary: 'The app of the secret key', responses: { '200': json({ type: 'object' }, 'The app.'), ...authErrors } } },
      '/v1/admin/events': {
        get: {
          ...admin,
          summary: 'Recent events, newest received first',
          parameters: [query('limit', '1 to 1000, default 100', { type: 'integer', minimum: 1, maximum: 1000 }), query('userId', 'Only this user.'), query('accountId', 'Only this account.')],
          responses: { '200': json({ type: 'object', properties: { events: { type: 'array', items: { type: 'object' } } } }, 'The events.'), '400': error('A bad query parameter (`invalid_query`).'), ...authErrors },
        },
      },
      '/v1/admin/usage': {
        get: {
          ...admin,
          summary: 'Usage rollups of an account or a user',
          parameters: [query('accountId', 'An account (gives daily active users too).'), query('userId', 'A user.')],
          responses: { '200': json({ type: 'object' }, '{ events: [{ event, count, firstSeen, lastSeen }], daily?: [{ day, activeUsers }] }'), '400': error('Neither accountId nor userId.'), ...authErrors },
        },
      },
      '/v1/admin/users/{userId}/state': {
        get: {
          ...admin,
          summary: "A user's state, for the vendor's servers",
          parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json(ref('UserState'), 'As GET /v1/state.'), ...authErrors },
        },
      },
      '/v1/admin/gates/{key}/overrides': {
        get: {
          ...admin,
          summary: "A gate's overrides in force and their log, newest first",
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': json(
              { type: 'object', properties: { gate: { type: 'string' }, overrides: { type: 'array', items: ref('GateOverride') }, log: { type: 'array', items: ref('GateOverride') } } },
              'Overrides and log.',
            ),
            ...authErrors,
            '404': error('No such gate in the current config and no history (`unknown_gate`).'),
          },
        },
        put: {
          ...admin,
          summary: 'Set or clear a CSM override of a gate for an account or a user',
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['state', 'by'],
                  additionalProperties: false,
                  properties: {
                    accountId: { type: 'string', description: 'The whole account (give this or userId).' },
                    userId: { type: 'string', description: 'One user (beats the account override).' },
                    state: { enum: ['unlock', 'lock', null], description: 'null clears the override.' },
                    by: { type: 'string', description: "Who sets it, e.g. the CSM's email." },
                  },
                },
              },
            },
          },
          responses: {
            '200': json({ type: 'object', properties: { override: ref('GateOverride') } }, 'The change, as logged.'),
            '400': error('A bad body (`invalid_body` or `invalid_json`, with `field`).'),
            ...authErrors,
            '404': error('No such gate in the current config (`unknown_gate`).'),
          },
        },
      },
      '/v1/admin/stuck': {
        get: {
          ...admin,
          summary: 'Users marked stuck on a checklist item, longest stuck first',
          description: "Marked when still stuck escalate.afterDays (the item's nudge) after the first `User Stuck` event; cleared when the item is done.",
          parameters: [
            query('accountId', 'Only this account.'),
            query('includeCleared', 'true: also users whose item got done since.', { enum: ['true', 'false'] }),
            query('limit', '1 to 1000, default 100', { type: 'integer', minimum: 1, maximum: 1000 }),
          ],
          responses: {
            '200': json({ type: 'object', properties: { stuck: { type: 'array', items: ref('StuckUser') } } }, 'The users (Cache-Control: no-store).'),
            '400': error('A bad query parameter (`invalid_query`).'),
            ...authErrors,
          },
        },
      },
      '/v1/admin/config': {
        get: {
          ...admin,
          summary: 'The current config, or a version of it',
          parameters: [query('version', 'A version number.', { type: 'integer' })],
          responses: { '200': json({ type: 'object', properties: { version: { type: 'integer' }, config: ref('Config') } }, 'The document as pushed.'), ...authErrors, '404': error('No such version, or no config.') },
        },
        put: {
          ...admin,
          summary: 'Push a new config version',
          parameters: [query('note', 'A note kept with the version.')],
          requestBody: { required: true, content: { 'application/json': { schema: ref('Config') } } },
          responses: {
            '200': json(ref('ConfigVersion'), 'Identical to the current version; nothing new stored.'),
            '201': json(ref('ConfigVersion'), 'Stored as a new version.'),
            '400': error('Invalid config (`invalid_config`, with `errors: [{path, message}]`) or JSON.'),
            ...authErrors,
            '413': error('Too large (`config_too_large`).'),
          },
        },
      },
      '/v1/admin/config/versions': {
        get: { ...admin, summary: 'Every config version, newest first', responses: { '200': json({ type: 'object', properties: { versions: { type: 'array', items: ref('ConfigVersion') } } }, 'The versions.'), ...authErrors } },
      },
      '/v1/admin/config/restore': {
        post: {
          ...admin,
          summary: 'Make an old version current again (as a new version)',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['version'], properties: { version: { type: 'integer' }, note: { type: 'string' } } } } } },
          responses: { '201': json(ref('ConfigVersion'), 'The new version.'), '400': error('A bad body.'), ...authErrors, '404': error('No such version.') },
        },
      },
      ...openApiAnalyticsPaths(),
      ...openApiAuthPaths(),
      ...openApiAlertPaths(),
      '/v1/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1.') } } },
      '/sdk/{file}': {
        get: {
          summary: 'The browser SDK build (waymark.js, snippet.min.js, ...)',
          parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'JavaScript, with ETag and Cache-Control.', content: { 'text/javascript': { schema: { type: 'string' } } } }, '304': { description: 'Not modified.' }, '404': error('No such file.') },
        },
      },
      '/dashboard': {
        get: {
          summary: 'The CSM dashboard (HTML; see docs/dashboard.md)',
          responses: { '200': { description: 'index.html, with a strict Content-Security-Policy.', content: { 'text/html': { schema: { type: 'string' } } } }, '304': { description: 'Not modified.' }, '404': error('The dashboard is not built.') },
        },
      },
      '/dashboard/{path}': {
        get: {
          summary: 'A dashboard build file (app.js, app.css), or index.html for any client route (/dashboard/accounts/...)',
          parameters: [{ name: 'path', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The file, with ETag and a strict Content-Security-Policy.', content: { 'text/html': { schema: { type: 'string' } }, 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } } }, '304': { description: 'Not modified.' }, '404': error('No such build file.') },
        },
      },
      '/healthz': {
        get: {
          summary: 'Health of the collector and its database',
          responses: { '200': json({ type: 'object', properties: { status: { const: 'ok' }, database: { enum: ['pglite', 'postgres'] } } }, 'Healthy.'), '503': json({ type: 'object' }, 'The database does not answer.') },
        },
      },
    },
  };
}

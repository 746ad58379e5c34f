import {
  accountFlagSchema,
  accountDetailSchema,
  accountUserSchema,
  apiErrorSchema,
  apiRoutes,
  appSchema,
  batchBodySchema,
  batchResultSchema,
  checklistFunnelSchema,
  cohortSchema,
  conditionSchema,
  configJsonSchema,
  configVersionSchema,
  csmSessionSchema,
  csmUserSchema,
  digestSchema,
  explanationSchema,
  gateOverrideChangeSchema,
  gateOverrideSchema,
  guideFunnelSchema,
  guideStateSchema,
  jsonSchemaOverride,
  message,
  messageResultSchema,
  nudgeRecordSchema,
  portfolioAccountSchema,
  stateSnapshotSchema,
  storedEventSchema,
  stuckUserSchema,
  successPlanSchema,
  userGateSchema,
  userStateSchema,
  waymarkConfigSchema,
  webhookDeliverySchema,
  webhookSubscriptionSchema,
  type ApiResponse,
  type ApiRoute,
} from '@waymark/core';
import { z } from 'zod';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

// Schemas the document names in components.schemas (referenced, not repeated).
const components: Record<string, z.ZodType> = {
  Error: apiErrorSchema,
  Message: message,
  BatchEnvelope: batchBodySchema,
  BatchResult: batchResultSchema,
  MessageResult: messageResultSchema,
  Config: waymarkConfigSchema,
  Condition: conditionSchema,
  UserState: userStateSchema,
  StateSnapshot: stateSnapshotSchema,
  GuideState: guideStateSchema,
  NudgeRecord: nudgeRecordSchema,
  GateState: userGateSchema,
  Explanation: explanationSchema,
  GateOverride: gateOverrideSchema,
  GateOverrideChange: gateOverrideChangeSchema,
  StuckUser: stuckUserSchema,
  App: appSchema,
  StoredEvent: storedEventSchema,
  ConfigVersion: configVersionSchema,
  CsmSession: csmSessionSchema,
  CsmUser: csmUserSchema,
  PortfolioAccount: portfolioAccountSchema,
  AccountFlag: accountFlagSchema,
  AccountDetail: accountDetailSchema,
  AccountUser: accountUserSchema,
  Cohort: cohortSchema,
  GuideFunnel: guideFunnelSchema,
  ChecklistFunnel: checklistFunnelSchema,
  WebhookSubscription: webhookSubscriptionSchema,
  WebhookDelivery: webhookDeliverySchema,
  Digest: digestSchema,
  SuccessPlan: successPlanSchema,
};

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

/** Turns the contract's zod schemas into JSON Schema, named components as references. */
function schemaWriter(into: Record<string, unknown>): (schema: z.ZodType, io: Io) => Json {
  const names = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) names.add(schema, { id });
  const override = (ctx: { zodSchema: unknown; jsonSchema: Json }) => {
    jsonSchemaOverride(ctx);
    // Descriptions (`.describe()`) live in zod's global registry; ids in the local one.
    const { id: _id, ...meta } = (z.globalRegistry.get(ctx.zodSchema as z.ZodType) ?? {}) as Json;
    Object.assign(ctx.jsonSchema, meta);
    // `format` says it; zod's long date patterns only repeat it.
    if (ctx.jsonSchema['format'] === 'date-time' || ctx.jsonSchema['format'] === 'date') delete ctx.jsonSchema['pattern'];
    // zod bounds every integer by the safe range; only bounds a schema chose say anything.
    if (ctx.jsonSchema['minimum'] === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema['minimum'];
    if (ctx.jsonSchema['maximum'] === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema['maximum'];
  };
  return (schema, io) => component(z.toJSONSchema(schema, { io, unrepresentable: 'any', metadata: names, override }) as Json, into);
}

/** The parameters of one kind (path, query, header) from a zod object's JSON Schema. */
function parameters(where: 'path' | 'query' | 'header', object: Json): Json[] {
  const required = new Set((object['required'] as string[] | undefined) ?? []);
  return Object.entries((object['properties'] as Record<string, Json> | undefined) ?? {}).map(([name, { description, ...schema }]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(description === undefined ? {} : { description }),
    schema,
  }));
}

/** The OpenAPI answer for one status. */
function response(res: ApiResponse, write: (schema: z.ZodType, io: Io) => Json): Json {
  const content: Json = {};
  if (res.schema) content['application/json'] = { schema: write(res.schema, 'output') };
  // Bodies the contract does not describe: text, or JSON of any shape (an SDK source map).
  for (const media of res.media ?? []) content[media] = { schema: media === 'application/json' ? {} : { type: 'string' } };
  return {
    description: res.description,
    ...(res.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(res.headers).map(([name, h]) => [name, { description: h.description, schema: write(h.schema, 'output') }]),
          ),
        }
      : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
}

/** One operation of the document from a route of the contract. */
function operation(route: ApiRoute, write: (schema: z.ZodType, io: Io) => Json): Json {
  const params = [
    ...(route.params ? parameters('path', write(route.params, 'input')) : []),
    ...(route.query ? parameters('query', write(route.query, 'input')) : []),
    ...(route.headers ? parameters('header', write(route.headers, 'input')) : []),
  ];
  const body = route.body;
  return {
    ...(route.security.length > 0 ? { security: route.security.map((name) => ({ [name]: [] })) } : {}),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries((body.media ?? ['application/json']).map((media) => [media, { schema: write(body.schema, 'input') }])),
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(route.responses).map(([status, res]) => [status, response(res, write)])),
  };
}

/**
 * The machine-readable description (OpenAPI 3.1) of the collector's HTTP API, generated from
 * core's contract (`apiRoutes`). Served at `GET /v1/openapi.json` and checked in as
 * docs/openapi.json; a test keeps both and the routes in step.
 */
export function openApiDocument(): Json {
  const schemas: Record<string, unknown> = {};
  const write = schemaWriter(schemas);
  const paths: Record<string, Json> = {};
  for (const route of apiRoutes) paths[route.path] = { ...paths[route.path], [route.method]: operation(route, write) };
  // The config as authored (what `waymark validate` and editors check), with its recursive condition.
  const config = component(configJsonSchema(), schemas);
  schemas['Config'] = config;
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
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    paths,
  };
}

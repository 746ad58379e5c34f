import { apiErrorSchema, apiRoutes, type ApiResponse, type ApiRoute } from '@waymark/core';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../log.js';
import type { CollectorEnv } from './env.js';

/** An answer that does not match the contract (core's `apiRoutes`). */
export interface ContractViolation {
  method: string;
  /** The request path. */
  path: string;
  /** The contract route it was matched to (`GET /v1/admin/accounts/{accountId}`), if any. */
  route: string | undefined;
  status: number;
  /** What is wrong: an undeclared status or media type, or the first zod issue of the body. */
  problem: string;
}

/** Where the check reports: each answer checked (by contract route) and each violation. */
export interface ContractRecorder {
  checked?(route: string, status: number): void;
  violation?(violation: ContractViolation): void;
}

// Any route may fail unexpectedly; that answer is the generic error, not a contract of the route.
const internal: ApiResponse = { description: 'An unexpected failure.', schema: apiErrorSchema };
// Outside the contract's routes (an unknown path or method) only errors are expected.
const outside: ApiResponse = { description: 'No such endpoint, or refused before finding out.', schema: apiErrorSchema };

/** The contract route's key of a Hono route path: `:accountId` becomes `{accountId}`, as in OpenAPI. */
const templateOf = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

async function problemOf(expected: ApiResponse | undefined, res: Response): Promise<string | undefined> {
  if (!expected) return `status ${res.status} is not in the contract`;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (expected.schema && type === 'application/json') {
    let body: unknown;
    try {
      body = await res.clone().json();
    } catch {
      return 'the body is not JSON';
    }
    const parsed = expected.schema.safeParse(body);
    if (parsed.success) return undefined;
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || '(body)'}: ${issue.message}`;
  }
  if (type !== '' && expected.media?.includes(type)) return undefined;
  // A 304 keeps the headers of what it stands for, Content-Type included, but has no body.
  if (!expected.schema && !expected.media) return res.body === null ? undefined : 'answered a body; the contract says none';
  return `answered ${type || 'no body'}; the contract says ${[...(expected.schema ? ['application/json'] : []), ...(expected.media ?? [])].join(' or ') || 'no body'}`;
}

/**
 * Middleware that checks every answer against the contract: the route (by Hono's matched route
 * and the method), its status, and the JSON body against the zod schema for that status (error
 * bodies included). A mismatch is logged, reported to `recorder`, and turned into a 500
 * `contract_violation` naming the path and the problem. For tests and development: the
 * collector's test suite runs every app with it.
 */
export function checkResponses(log: Logger, recorder: ContractRecorder = {}): MiddlewareHandler<CollectorEnv> {
  const routes = new Map<string, ApiRoute>(apiRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r]));
  return async function checkResponses(c, next) {
    await next();
    // CORS preflights are answered by the cors middleware, outside the contract.
    if (c.req.method === 'OPTIONS') return;
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const handler = matchedRoutes(c).find((r) => r.method === method && routes.has(`${method} ${templateOf(r.path)}`));
    const key = handler && `${method} ${templateOf(handler.path)}`;
    const status = c.res.status;
    const expected =
      key === undefined ? (status >= 400 ? outside : undefined) : (routes.get(key)!.responses[String(status)] ?? (status === 500 ? internal : undefined));
    const problem = await problemOf(expected, c.res);
    if (key !== undefined) recorder.checked?.(key, status);
    if (problem === undefined) return;
    const violation: ContractViolation = { method: c.req.method, path: c.req.path, route: key, status, problem };
    log.error('contract violation', { ...violation });
    recorder.violation?.(violation);
    const message = `${c.req.method} ${c.req.path} answered ${status}, against the contract${key ? ` of ${key}` : ''}: ${problem}`;
    c.res = undefined;
    c.res = new Response(JSON.stringify({ error: { code: 'contract_violation', message } }), { status: 500, headers: { 'Content-Type': 'application/json' } });
  };
}

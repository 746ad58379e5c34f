import type { z } from 'zod';
import { apiErrorSchema } from './api-error.js';

/** How a call may be authenticated, by OpenAPI security scheme name; none listed: the key goes in the query or body. */
export type ApiSecurity = 'secretKey' | 'csmSession';

/** One answer of a route, for one status. */
export interface ApiResponse {
  description: string;
  /** The JSON body (application/json). */
  schema?: z.ZodType;
  /** Media types of a body that is not checked as JSON (CSV, Markdown, JavaScript, HTML). */
  media?: readonly string[];
  /** Response headers worth knowing. */
  headers?: Readonly<Record<string, { description: string; schema: z.ZodType }>>;
}

/** One route of the collector's HTTP API: what it takes and what it answers, per status. */
export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style: `/v1/admin/accounts/{accountId}`. */
  path: string;
  summary: string;
  description?: string;
  security: readonly ApiSecurity[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  /** The request body; JSON unless `media` says otherwise. */
  body?: { schema: z.ZodType; media?: readonly string[] };
  responses: Readonly<Record<string, ApiResponse>>;
}

/** A JSON answer. */
export const json = (schema: z.ZodType, description: string): ApiResponse => ({ schema, description });

/** An error answer (`{ error: { code, message, field? } }`). */
export const apiError = (description: string): ApiResponse => ({ schema: apiErrorSchema, description });

/**
 * Adds error answers to a route's own, joining the descriptions where both name a status (a
 * route's `400 invalid_query` and the session's `400 app_required`).
 */
export function withErrors(own: Record<string, ApiResponse>, ...errors: ReadonlyArray<Record<string, string>>): Record<string, ApiResponse> {
  const out = { ...own };
  for (const [status, description] of errors.flatMap((e) => Object.entries(e))) {
    const mine = out[status];
    out[status] = mine ? { ...mine, description: `${mine.description} ${description}` } : apiError(description);
  }
  return out;
}

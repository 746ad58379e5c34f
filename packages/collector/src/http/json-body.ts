import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { parseJson } from './parse-json.js';
import { readBody } from './read-body.js';
import { zodProblem } from './zod-problem.js';

/** How a route names a bad body. */
export interface JsonBodyOptions {
  /** The field named when the problem is with the body as a whole (default: none, "body" in the message). */
  field?: string;
  /** Added to the message, e.g. what to send instead. */
  hint?: string;
}

/**
 * Reads a JSON request body of at most `max` bytes and validates it; a bad one is `400
 * invalid_body` naming the field (an unknown field by its name), a large one `413 body_too_large`.
 */
export async function jsonBody<T>(
  request: Request,
  incoming: Parameters<typeof readBody>[2],
  schema: z.ZodType<T>,
  max: number,
  options: JsonBodyOptions = {},
): Promise<T> {
  const text = await readBody(request, max, incoming, (limit: number) => new ApiError(413, 'body_too_large', `the request body is larger than ${limit} bytes`));
  const parsed = schema.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  const problem = zodProblem(parsed.error);
  const field = problem.field || options.field;
  throw new ApiError(400, 'invalid_body', `${field ?? 'body'}: ${problem.message}${options.hint ? ` (${options.hint})` : ''}`, field);
}

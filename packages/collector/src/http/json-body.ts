import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { parseJson } from './parse-json.js';
import { readBody } from './read-body.js';

/**
 * Reads a JSON request body of at most `max` bytes and validates it; a bad one is `400
 * invalid_body` naming the field (an unknown field by its name), a large one `413 body_too_large`.
 */
export async function jsonBody<T>(request: Request, incoming: Parameters<typeof readBody>[2], schema: z.ZodType<T>, max: number): Promise<T> {
  const text = await readBody(request, max, incoming, (limit: number) => new ApiError(413, 'body_too_large', `the request body is larger than ${limit} bytes`));
  const parsed = schema.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]].join('.') : (issue?.path.join('.') ?? '');
  throw new ApiError(
    400,
    'invalid_body',
    `${field || 'body'}: ${issue?.code === 'unrecognized_keys' ? 'is not a known field' : (issue?.message ?? 'invalid')}`,
    field || undefined,
  );
}

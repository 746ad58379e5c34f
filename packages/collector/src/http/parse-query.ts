import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { zodProblem } from './zod-problem.js';

/** Validates query parameters; a bad one is `400 invalid_query` naming the field. */
export function parseQuery<T>(schema: z.ZodType<T>, input: Record<string, string>): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message } = zodProblem(parsed.error);
  throw new ApiError(400, 'invalid_query', `${field}: ${message}`, field);
}

import type { z } from 'zod';
import { ApiError } from './api-error.js';

/** Validates query parameters; a bad one is `400 invalid_query` naming the field. */
export function parseQuery<T>(schema: z.ZodType<T>, input: Record<string, string>): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new ApiError(400, 'invalid_query', `${field}: ${issue?.message ?? 'invalid'}`, field);
}

import type { z } from 'zod';

/**
 * The first problem zod found in a request, as the field it names (an unknown field by its own
 * name, a nested one by its dotted path; '' for the whole value) and what is wrong with it.
 */
export function zodProblem(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') return { field: [...issue.path, issue.keys[0]].join('.'), message: 'is not a known field' };
  return { field: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' };
}

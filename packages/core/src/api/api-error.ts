import { z } from 'zod';
import { messageResultSchema } from './batch.js';
import { count } from './wire.js';

/** One problem of a config document, as `validateConfig` reports it. */
export const configProblemSchema = z.strictObject({
  path: z.string().describe('Where, e.g. checklists[0].items[2].guide; empty for the whole document.'),
  message: z.string(),
});

/**
 * Every error the collector answers: `{ "error": { code, message, field? } }`, with the extra
 * details some codes carry.
 */
export const apiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().describe('Machine-readable: invalid_key, invalid_body, unknown_gate, ...'),
    message: z.string().describe('What went wrong and how to fix it, in words.'),
    field: z.string().optional().describe('Where the problem is, e.g. batch[3].messageId.'),
    results: z.array(messageResultSchema).optional().describe("`invalid_messages`: every message's result, in batch order."),
    messages: z
      .array(z.strictObject({ index: count, messageId: z.string().nullable(), bytes: count }))
      .optional()
      .describe('`message_too_large`: the messages over the size limit.'),
    errors: z.array(configProblemSchema).optional().describe('`invalid_config`: every problem found.'),
    retryAfter: count.optional().describe('`too_many_attempts`: seconds to wait.'),
  }),
});

/** An error body. */
export type ApiErrorBody = z.output<typeof apiErrorSchema>;

import { z } from 'zod';
import { limits } from '../limits.js';
import { batchEnvelope, message } from '../message.js';
import { count } from './wire.js';

/** The `POST /v1/batch` body as documented: the envelope with its messages (each is checked on its own, so one bad message cannot spoil the others). */
export const batchBodySchema = batchEnvelope.extend({
  batch: z.array(message).max(limits.maxBatchMessages).describe('The messages, at most 2,000.'),
});

/** What became of one message of a batch. */
export const messageResultSchema = z.union([
  z.strictObject({ messageId: z.string().nullable(), status: z.enum(['accepted', 'duplicate']) }),
  z.strictObject({
    messageId: z.string().nullable(),
    status: z.literal('rejected'),
    error: z.strictObject({ field: z.string().describe('e.g. batch[3].messageId'), reason: z.string() }),
  }),
]);

/** The `POST /v1/batch` answer: counts and one result per message, in batch order. */
export const batchResultSchema = z.strictObject({
  ok: z.literal(true),
  accepted: count,
  duplicates: count,
  rejected: count,
  results: z.array(messageResultSchema),
});

/** One message's result. */
export type MessageResult = z.output<typeof messageResultSchema>;
/** A batch answer. */
export type BatchResult = z.output<typeof batchResultSchema>;

import { z } from 'zod';
import { count, isoTime, jsonObject } from './wire.js';

/** The query of `GET /v1/admin/accounts/{accountId}/users`. */
export const accountUsersQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(100)
    .describe('1 to 500, default 100.'),
  offset: z.coerce.number().int('must be a whole number').min(0, 'must be at least 0').default(0).describe('Default 0.'),
});

/** A user of an account with their checklist progress and stuck state. */
export const accountUserSchema = z.strictObject({
  userId: z.string().nullable().describe('null for a visitor who never identified (see anonymousId).'),
  anonymousId: z.string().optional(),
  traits: jsonObject,
  firstSeen: isoTime,
  lastSeen: isoTime.nullable(),
  checklists: z.array(z.strictObject({ key: z.string(), done: count, total: count, complete: z.boolean() })),
  stuck: z
    .array(z.strictObject({ checklist: z.string(), item: z.string(), reason: z.string(), since: isoTime, markedAt: isoTime }))
    .describe('Items the user is stuck on now.'),
});

/** The `GET /v1/admin/accounts/{accountId}/users` answer, most recently seen first. */
export const accountUsersSchema = z.strictObject({
  users: z.array(accountUserSchema),
  total: count,
  limit: z.number().int().min(1),
  offset: count,
});

/** A user of an account. */
export type AccountUser = z.output<typeof accountUserSchema>;

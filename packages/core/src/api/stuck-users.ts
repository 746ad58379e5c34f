import { z } from 'zod';
import { isoTime } from './wire.js';

/** The query of `GET /v1/admin/stuck`. */
export const stuckQuerySchema = z.object({
  accountId: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().describe('Only this account.'),
  includeCleared: z.enum(['true', 'false'], { error: 'must be "true" or "false"' }).optional().describe('true: also users whose item got done since.'),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100)
    .describe('1 to 1000, default 100'),
});

/** A user marked stuck on a checklist item. */
export const stuckUserSchema = z.strictObject({
  userId: z.string().nullable().describe('null for a visitor who never identified (see anonymousId).'),
  anonymousId: z.string().optional(),
  accountId: z.string().nullable(),
  checklist: z.string(),
  item: z.string(),
  reason: z.string().describe('From the latest `User Stuck` event, e.g. idle-on-step, rage-clicks.'),
  stuckSince: isoTime.describe('The first `User Stuck` event on the item since it was last completed.'),
  lastStuckAt: isoTime,
  markedAt: isoTime,
  clearedAt: isoTime.nullable().describe('When the item got done; null while still stuck.'),
});

/** The `GET /v1/admin/stuck` answer, longest stuck first. */
export const stuckUsersSchema = z.strictObject({ stuck: z.array(stuckUserSchema) });

/** A stuck user. */
export type StuckUser = z.output<typeof stuckUserSchema>;

import { z } from 'zod';
import { count, isoTime } from './wire.js';

/** The query of `GET /v1/admin/digest`. */
export const digestQuerySchema = z.object({
  owner: z
    .string({ error: 'is required: the CSM owner (account trait csmOwner, else owner)' })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .describe('The owner, as in the account traits.'),
  format: z.enum(['json', 'markdown'], { error: 'must be "json" or "markdown"' }).default('json').describe('json (default) or markdown (text/markdown).'),
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W10')
    .optional()
    .describe('ISO week, e.g. 2026-W10; default the last complete week (UTC).'),
});

const named = { accountId: z.string(), name: z.string() };
const day = count.nullable();
const flagEvent = z.strictObject({ ...named, flag: z.string(), at: isoTime });
const bandAccounts = z.array(z.strictObject({ ...named, health: z.number().nullable(), day }));

/** A CSM owner's weekly digest. */
export const digestSchema = z.strictObject({
  owner: z.string(),
  week: z.strictObject({
    label: z.string().describe('ISO week, e.g. 2026-W10.'),
    start: isoTime.describe('Monday 00:00 UTC, inclusive.'),
    end: isoTime.describe('The next Monday 00:00 UTC, exclusive.'),
  }),
  totals: z.strictObject({
    accounts: count,
    red: count,
    yellow: count,
    green: count,
    unscored: count,
    flagsRaised: count,
    flagsCleared: count,
    milestonesReached: count,
    overdueGoals: count,
  }),
  health: z
    .strictObject({ red: bandAccounts, yellow: bandAccounts, green: bandAccounts, unscored: bandAccounts })
    .describe("The owner's accounts by health band now, lowest health first (unscored by name)."),
  flagsRaised: z.array(flagEvent),
  flagsCleared: z.array(flagEvent),
  milestonesReached: z.array(z.strictObject({ ...named, milestone: z.string(), milestoneName: z.string(), at: isoTime, day, onTime: z.boolean().nullable() })),
  overdueGoals: z.array(
    z.strictObject({ ...named, milestone: z.string(), milestoneName: z.string(), dueDay: count, daysOverdue: count, goalOwner: z.string().nullable() }),
  ),
});

/** A weekly digest. */
export type Digest = z.output<typeof digestSchema>;

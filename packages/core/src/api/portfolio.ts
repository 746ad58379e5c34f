import { z } from 'zod';
import { accountFlagSchema, healthBandSchema, healthDriverSchema, lifecycleStageSchema } from './account-flag.js';
import { count, isoDate, isoTime } from './wire.js';

const text = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const day = z.coerce.number().int('must be a whole number').min(0, 'must be at least 0').max(100_000);

/** The query of `GET /v1/admin/portfolio` (and of the CSV export, which ignores page and limit). */
export const portfolioFilterSchema = z.object({
  dayMin: day.optional().describe('Only accounts on this account day or later.'),
  dayMax: day.optional().describe('Only accounts on this account day or earlier.'),
  band: z.enum(['red', 'yellow', 'green'], { error: 'must be red, yellow or green' }).optional().describe('Only this health band.'),
  flag: text.optional().describe('Only accounts with this flag raised: a kind (`milestone-overdue`) or a key (`milestone-overdue:activated`).'),
  stage: z
    .enum(['onboarding', 'adopting', 'adopted', 'at-risk', 'graduated'], { error: 'must be onboarding, adopting, adopted, at-risk or graduated' })
    .optional()
    .describe('Only this lifecycle stage.'),
  owner: text.optional().describe('Only this CSM owner (trait csmOwner, else owner).'),
  segment: text.optional().describe('Only this segment (trait segment, else plan).'),
  sort: z.enum(['day', 'health', 'change', 'name'], { error: 'must be day, health, change or name' }).default('health').describe('Sort key (default health).'),
  order: z
    .enum(['asc', 'desc'], { error: 'must be asc or desc' })
    .optional()
    .describe('Default: day desc, health asc, change asc, name asc. Nulls always last.'),
  page: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000).default(1).describe('1-based, default 1.'),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50)
    .describe('1 to 200, default 50.'),
});

/** The CSV export's query: the portfolio's filters and sort, every matching account. */
export const portfolioCsvQuerySchema = portfolioFilterSchema.omit({ page: true, limit: true });

/** The next success-plan milestone not yet due. */
export const nextGoalSchema = z.strictObject({ milestone: z.string(), targetDay: count, due: isoDate.describe('The date of its target day.') });

/** One account as the portfolio lists it. */
export const portfolioAccountSchema = z.strictObject({
  accountId: z.string(),
  name: z.string(),
  day: count.describe('Account day: day N of 90 while phase is onboarding.'),
  phase: z.enum(['onboarding', 'graduated']),
  stage: lifecycleStageSchema.nullable().describe('Lifecycle stage (docs/metrics.md#lifecycle-stage).'),
  health: z.number().nullable(),
  band: healthBandSchema.nullable(),
  change7d: z.number().nullable().describe('Health now minus 7 days ago.'),
  trend: z.array(z.number().nullable()).describe('The last 14 daily scores, oldest first.'),
  driver: healthDriverSchema.nullable().describe('The risk flag holding the score down, else the health component that cost the most points.'),
  reason: z.string().nullable().describe('The driver in words.'),
  flags: z.array(accountFlagSchema).describe('Open flags, most pressing first.'),
  owner: z.string().nullable(),
  segment: z.string().nullable(),
  seats: z.number().nullable(),
  seatActivation: z.number().nullable(),
  nextGoal: nextGoalSchema.nullable(),
  startAt: isoTime,
  updatedAt: isoTime,
});

/** The `GET /v1/admin/portfolio` answer: a page of accounts. */
export const portfolioPageSchema = z.strictObject({
  accounts: z.array(portfolioAccountSchema),
  page: z.number().int().min(1),
  limit: z.number().int().min(1),
  total: count.describe('Accounts matching the filters.'),
  pages: count,
  sort: z.enum(['day', 'health', 'change', 'name']),
});

/** A parsed portfolio query. */
export type PortfolioFilter = z.output<typeof portfolioFilterSchema>;
/** A portfolio account. */
export type PortfolioAccount = z.output<typeof portfolioAccountSchema>;
/** A page of the portfolio. */
export type PortfolioPage = z.output<typeof portfolioPageSchema>;

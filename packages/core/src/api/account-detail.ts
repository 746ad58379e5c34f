import { z } from 'zod';
import type { HealthPart } from '../analytics/health-score.js';
import { accountFlagSchema, clearedFlagSchema, healthBandSchema, healthComponentSchema, healthDriverSchema, lifecycleStageSchema } from './account-flag.js';
import { nextGoalSchema } from './portfolio.js';
import { count, isoDate, isoTime } from './wire.js';

/** The path of the account routes. */
export const accountParamsSchema = z.object({ accountId: z.string().min(1).max(200, 'must be at most 200 characters').describe('The account (groupId).') });

const share = z.number().nullable();
const ratio = { shown: count, converted: count, rate: share };

/** The account's metrics (docs/metrics.md); a summary written before a metric existed lacks it. */
export const accountMetricsSchema = z
  .strictObject({
    dau: count,
    wau: count,
    mau: count,
    stickiness: share,
    activatedUsers: count.describe('Users who ever used a core feature.'),
    seatActivation: share.describe('Activated users over the seats (may exceed 1).'),
    seatsActive7: count,
    seatsActive28: count,
    seatShare7: share,
    seatShare28: share,
    usageVsBaseline: share.describe("Use over the last 7 days against the account's usual level, 0–1 (null before day 14)."),
    timeInProduct: z.strictObject({ days: count, minutesPerDay: z.number(), minutesPerUserDay: z.number().nullable() }),
    breadth: share,
    featuresUsed: z.array(z.string()).describe('Core features used so far.'),
    depth: share,
    timeToFirstValue: z.number().nullable().describe('Account days to the first-value milestone.'),
    attainment: z.array(z.strictObject({ day: count, reached: count, total: count, share })).describe('Milestones reached by day 7, 14, 30, 60 and 90.'),
    checklists: z.record(z.string(), z.strictObject({ users: count, completed: count, rate: share, itemRate: share })).describe('Completion by checklist key.'),
    nudgeEffectiveness: z.strictObject({ ...ratio, byNudge: z.record(z.string(), z.strictObject(ratio)) }),
    stuckUsers: count,
  })
  .partial();

/** Per-day series from account day `fromDay` to today, one value per day. */
export const accountSeriesSchema = z.strictObject({
  fromDay: count,
  activeUsers: z.array(count),
  seatActivation: z.array(share),
  seatsActive28: z.array(share).optional().describe('Share of the seats active in the 28 days up to each day.'),
  usageVsBaseline: z.array(share).optional().describe("Use against the account's usual level, 0–1 (null before day 14)."),
  minutes: z.array(share).optional().describe('Minutes in product (null before the last 28 days).'),
});

const healthPartSchema = z.strictObject({
  component: healthComponentSchema,
  value: z.number().describe('0–100.'),
  weight: z.number().describe("The component's share of the weight (the parts' weights sum to 1)."),
  shortfall: z.number().describe('The points it cost the score.'),
}) satisfies z.ZodType<HealthPart>;

/** The `GET /v1/admin/accounts/{accountId}` answer: everything the account page shows. */
export const accountDetailSchema = z.strictObject({
  account: z.strictObject({
    accountId: z.string(),
    name: z.string(),
    startAt: isoTime.describe('Day 0.'),
    timeZone: z.string().nullable(),
    day: count,
    phase: z.enum(['onboarding', 'graduated']),
    stage: lifecycleStageSchema.nullable(),
    owner: z.string().nullable(),
    segment: z.string().nullable(),
    seats: z.number().nullable(),
    updatedAt: isoTime,
  }),
  health: z.strictObject({
    score: z.number().nullable(),
    band: healthBandSchema.nullable(),
    change7d: z.number().nullable(),
    driver: healthDriverSchema.nullable(),
    reason: z.string().nullable(),
    components: z.array(healthPartSchema),
    trend: z.array(z.number().nullable()).describe('The last 14 daily scores, oldest first.'),
  }),
  metrics: accountMetricsSchema,
  series: accountSeriesSchema,
  milestones: z
    .array(
      z.strictObject({
        key: z.string(),
        name: z.string(),
        targetDay: count.nullable(),
        reachedAt: isoTime.nullable(),
        reachedDay: count.nullable(),
        status: z.enum(['on-time', 'late', 'overdue', 'not-yet-due']),
      }),
    )
    .describe('Milestones against their target days.'),
  nextGoal: nextGoalSchema.nullable(),
  flags: z.array(accountFlagSchema).describe('Open flags, most pressing first.'),
  clearedFlags: z.array(clearedFlagSchema).describe('The flag history: the last 200 stretches that ended, latest first.'),
  history: z.array(z.strictObject({ day: count, date: isoDate, health: z.number().nullable(), band: healthBandSchema.nullable() })).describe('Daily health.'),
});

/** An account's metrics. */
export type AccountMetrics = z.output<typeof accountMetricsSchema>;
/** An account's daily series. */
export type AccountDailySeries = z.output<typeof accountSeriesSchema>;
/** An account's page. */
export type AccountDetail = z.output<typeof accountDetailSchema>;

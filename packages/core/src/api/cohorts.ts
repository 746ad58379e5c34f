import { z } from 'zod';
import { count, isoDate } from './wire.js';

/** The query of `GET /v1/admin/cohorts`. */
export const cohortsQuerySchema = z.object({
  days: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .default(90)
    .describe('Days of each curve, 1 to 365, default 90.'),
  weeks: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(104, 'must be at most 104')
    .default(26)
    .describe('Most recent start weeks, 1 to 104, default 26.'),
  milestone: z.string().min(1).max(200).optional().describe('Only this milestone.'),
});

/** One start-week cohort: how many accounts, and per milestone the share reaching it by each day. */
export const cohortSchema = z.strictObject({
  week: isoDate.describe('The Monday (UTC) of the week the accounts started.'),
  accounts: count,
  milestones: z
    .record(z.string(), z.array(z.number().nullable()))
    .describe('Milestone key → share per day 0…days; null once no account of the cohort has lived to that day.'),
});

/** The `GET /v1/admin/cohorts` answer, newest week first. */
export const cohortsSchema = z.strictObject({ days: z.number().int().min(1), cohorts: z.array(cohortSchema) });

/** A cohort. */
export type Cohort = z.output<typeof cohortSchema>;

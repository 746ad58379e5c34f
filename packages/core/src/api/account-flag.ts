import { z } from 'zod';
import type { FlagFacts, FlagKind } from '../analytics/flag.js';
import type { HealthComponent } from '../analytics/health-weights.js';
import type { LifecycleStage } from '../analytics/lifecycle-stage.js';
import { isoTime } from './wire.js';

/** An early-warning flag's kind (docs/metrics.md#early-warning-flags). */
export const flagKindSchema = z.enum([
  'no-activity',
  'went-quiet',
  'usage-drop',
  'few-seats-active',
  'milestone-overdue',
  'health-falling',
  'users-stuck',
]) satisfies z.ZodType<FlagKind>;

/** A health component. */
export const healthComponentSchema = z.enum(['activity', 'seats', 'breadth', 'milestones', 'depth']) satisfies z.ZodType<HealthComponent>;

/** A lifecycle stage (docs/metrics.md#lifecycle-stage). */
export const lifecycleStageSchema = z.enum(['onboarding', 'adopting', 'adopted', 'at-risk', 'graduated']) satisfies z.ZodType<LifecycleStage>;

/** A health band. */
export const healthBandSchema = z.enum(['red', 'yellow', 'green']);

/** What holds the score down: a risk flag, else the health component that cost the most points. */
export const healthDriverSchema = z.union([healthComponentSchema, flagKindSchema]);

const flagFactsSchema = z
  .strictObject({
    days: z.number().optional(),
    lastActiveDay: z.number().optional(),
    current: z.number().optional(),
    usual: z.number().optional(),
    windowDays: z.number().optional(),
    activeSeats: z.number().optional(),
    seats: z.number().optional(),
    targetDay: z.number().optional(),
    overdueDays: z.number().optional(),
    users: z.number().optional(),
  })
  .describe('What it measured on the last day it held (docs/metrics.md).') satisfies z.ZodType<FlagFacts>;

/** An open early-warning flag of an account. */
export const accountFlagSchema = z.strictObject({
  key: z.string().describe('The kind, or milestone-overdue:<milestone>.'),
  kind: flagKindSchema,
  since: isoTime.describe('The start of the account day its condition began on.'),
  milestone: z.string().optional().describe('The overdue milestone, for milestone-overdue.'),
  reason: z.string().optional().describe('Why, in words: "no one active for 12 days".'),
  facts: flagFactsSchema.optional(),
});

/** One stretch of the flag history: a flag that no longer holds. */
export const clearedFlagSchema = accountFlagSchema.extend({ clearedAt: isoTime.describe('The start of the account day it no longer held on.') });

/** An open flag. */
export type AccountFlag = z.output<typeof accountFlagSchema>;
/** A flag that ended. */
export type ClearedFlag = z.output<typeof clearedFlagSchema>;
/** A health score's driver. */
export type HealthDriver = z.output<typeof healthDriverSchema>;

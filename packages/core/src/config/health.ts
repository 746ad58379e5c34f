import { z } from 'zod';

const weight = z.number().min(0, 'must be at least 0').max(1000, 'must be at most 1000').optional();
const score = z.number().int('must be a whole number').min(0, 'must be at least 0').max(100, 'must be at most 100');
const count = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).optional();
const share = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1').optional();

/**
 * How account health is scored and when early-warning flags are raised (see docs/metrics.md);
 * every field falls back to core's defaults (`defaultHealthWeights`, `defaultHealthBands`,
 * `defaultFlagRules`).
 */
export const healthSchema = z.strictObject({
  /** Relative weight per component, renormalised over the components an account has. */
  weights: z.strictObject({ activity: weight, seats: weight, breadth: weight, milestones: weight, depth: weight }).optional(),
  /** A score at most `red` is red, at most `yellow` yellow, above it green. */
  bands: z
    .strictObject({ red: score, yellow: score })
    .refine((b) => b.red < b.yellow, { message: 'red must be below yellow', path: ['yellow'] })
    .optional(),
  flags: z
    .strictObject({
      noActivityDays: count(1, 90),
      quietMinDays: count(1, 90),
      quietMaxDays: count(1, 90),
      usageDrop: share,
      usageMinBase: count(0, 100_000),
      usageRecover: share,
      significance: z.number().gt(0, 'must be above 0').max(0.5, 'must be at most 0.5').optional(),
      seatsDay: count(0, 365),
      seatsActiveMin: share,
      healthFallingDays: count(2, 90),
    })
    .refine((f) => f.quietMinDays === undefined || f.quietMaxDays === undefined || f.quietMinDays <= f.quietMaxDays, {
      message: 'quietMinDays must be at most quietMaxDays',
      path: ['quietMaxDays'],
    })
    .optional(),
});

/** The health section as validated. */
export type HealthConfig = z.output<typeof healthSchema>;

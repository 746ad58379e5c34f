import { z } from 'zod';

const weight = z.number().min(0, 'must be at least 0').max(1000, 'must be at most 1000').optional();
const score = z.number().int('must be a whole number').min(0, 'must be at least 0').max(100, 'must be at most 100');
const count = (min: number, max: number) => z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).optional();
const share = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1').optional();

/**
 * How account health is scored and when early-warning flags are raised (see docs/metrics.md);
 * every field falls back to core's defaults (`defaultHealthWeights`, `defaultHealthBands`,
 * `defaultFlagRules`).
 */
export const healthSchema = z.strictObject({
  /** Relative weight per component, renormalised over the components an account has. */
  weights: z.strictObject({ activity: weight, seatActivation: weight, breadth: weight, milestones: weight, depth: weight }).optional(),
  /** A score at most `red` is red, at most `yellow` yellow, above it green. */
  bands: z
    .strictObject({ red: score, yellow: score })
    .refine((b) => b.red < b.yellow, { message: 'red must be below yellow', path: ['yellow'] })
    .optional(),
  flags: z
    .strictObject({
      noActivityDays: count(1, 90),
      seatActivationDay: count(0, 365),
      seatActivationMin: share,
      usageDrop: share,
      usageMinBase: count(0, 100_000),
      healthFallingDays: count(2, 90),
    })
    .optional(),
});

/** The health section as validated. */
export type HealthConfig = z.output<typeof healthSchema>;

import { z } from 'zod';
import { configKey } from './config-key.js';

/** One goal of a success plan: a milestone to reach by a day, and who looks after it. */
export const successPlanGoalSchema = z.strictObject({
  milestone: configKey,
  /** The account day it is due by (inclusive); defaults to the milestone's targetDay. */
  dueDay: z.number().int('must be a whole number of days').min(0, 'must be at least 0').max(365, 'must be at most 365').optional(),
  /** Who on the customer's or the vendor's side owns the goal (a name or an email). */
  owner: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
});

/**
 * The default success plan of the accounts of one segment (matched against the account trait
 * `segment`, else `plan`); the plan without `segment` is the default for every other account.
 */
export const successPlanSchema = z.strictObject({
  segment: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  goals: z.array(successPlanGoalSchema).min(1, 'must have at least 1 goal').max(50, 'must have at most 50 entries'),
});

/** A success plan as validated. */
export type SuccessPlan = z.output<typeof successPlanSchema>;
/** A goal of a success plan as validated. */
export type SuccessPlanGoal = z.output<typeof successPlanGoalSchema>;

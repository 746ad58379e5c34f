import { z } from 'zod';
import { count, isoTime } from './wire.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The `PUT /v1/admin/accounts/{accountId}/plan` body. */
export const planBodySchema = z.strictObject({
  goals: z
    .array(
      z.strictObject({
        milestone: text(64).describe('A milestone key of the current config.'),
        dueDay: z
          .number()
          .int('must be a whole number of days')
          .min(0, 'must be at least 0')
          .max(365, 'must be at most 365')
          .optional()
          .describe("Account day it is due by; default the milestone's targetDay."),
        owner: text(200).optional(),
        note: z.string().max(2000, 'must be at most 2000 characters').optional(),
      }),
    )
    .max(50, 'must have at most 50 goals')
    .nullable()
    .describe("The goals; null: back to the config's default."),
  // With a CSM session the session's email is recorded instead, so the log cannot be forged.
  by: text(200).optional().describe('Who edits (required with the secret key; a CSM session records its email).'),
});

/** A goal as stored (dueDay filled in). */
export const planGoalSchema = z.strictObject({
  milestone: z.string(),
  dueDay: count.describe('The account day it is due by (inclusive).'),
  owner: z.string().optional(),
  note: z.string().optional(),
});

/** A goal with where it stands on the account's current day. */
export const goalViewSchema = planGoalSchema.extend({
  name: z.string().describe("The milestone's name in the current config (its key when the config no longer has it)."),
  status: z.enum(['done', 'on-track', 'at-risk', 'overdue']).describe('See docs/success-plans.md.'),
  reachedAt: isoTime.nullable(),
  reachedDay: count.nullable(),
  daysLeft: z.number().int().describe('dueDay minus the current day; negative once overdue.'),
});

/** An account's success plan with each goal's status, and its edit log. */
export const successPlanSchema = z.strictObject({
  accountId: z.string(),
  source: z.enum(['account', 'default']).describe("account: edited for this account; default: the config's successPlans entry for its segment."),
  segment: z.string().nullable().describe('The account trait segment, else plan.'),
  day: count.describe("The account's day now."),
  goals: z.array(goalViewSchema),
  updatedBy: z.string().nullable(),
  updatedAt: isoTime.nullable(),
  log: z
    .array(z.strictObject({ goals: z.array(planGoalSchema).nullable(), previous: z.array(planGoalSchema).nullable(), by: z.string(), at: isoTime }))
    .describe('Edits, newest first (at most 50); goals null: reset to the default.'),
});

/** A goal as stored. */
export type PlanGoal = z.output<typeof planGoalSchema>;
/** A goal with its status. */
export type GoalView = z.output<typeof goalViewSchema>;
/** A success plan. */
export type SuccessPlanView = z.output<typeof successPlanSchema>;
/** The body that replaces a plan's goals. */
export type PlanBody = z.input<typeof planBodySchema>;

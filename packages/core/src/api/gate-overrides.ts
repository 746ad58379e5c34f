import { z } from 'zod';
import { isoTime } from './wire.js';

/** A CSM's decision on a gate. */
export const overrideStateSchema = z.enum(['unlock', 'lock']);

const subject = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** The `PUT /v1/admin/gates/{key}/overrides` body. */
export const overrideBodySchema = z.strictObject({
  accountId: subject.optional().describe('The whole account (give this or userId).'),
  userId: subject.optional().describe('One user (beats the account override).'),
  state: z.enum(['unlock', 'lock'], { error: 'must be "unlock", "lock" or null (clears the override)' }).nullable().describe('null clears the override.'),
  // With a CSM session the session's email is recorded instead, so the log cannot be forged.
  by: z
    .string({ error: "is required: who sets the override, e.g. the CSM's email" })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe("Who sets it, e.g. the CSM's email (required with the secret key; a CSM session records its email)."),
});

const overrideFields = {
  gate: z.string(),
  scope: z.enum(['account', 'user']),
  subjectId: z.string().describe('The accountId or userId.'),
  by: z.string().describe("Who set it, e.g. the CSM's email."),
  at: isoTime,
};

/** A gate override in force. */
export const gateOverrideSchema = z.strictObject({ ...overrideFields, state: overrideStateSchema });

/** One change of an override, as logged. */
export const gateOverrideChangeSchema = z.strictObject({
  ...overrideFields,
  state: overrideStateSchema.nullable().describe('null: cleared.'),
  previous: overrideStateSchema.nullable().describe('The state before this change; null: there was none.'),
});

/** The `GET /v1/admin/gates/{key}/overrides` answer. */
export const gateOverridesSchema = z.strictObject({
  gate: z.string(),
  overrides: z.array(gateOverrideSchema).describe('In force: accounts first, then users, by id.'),
  log: z.array(gateOverrideChangeSchema).describe('Every change, newest first.'),
});

/** The `PUT /v1/admin/gates/{key}/overrides` answer: the change, as logged. */
export const overrideChangedSchema = z.strictObject({ override: gateOverrideChangeSchema });

/** A CSM override state. */
export type OverrideState = z.output<typeof overrideStateSchema>;
/** An override in force. */
export type GateOverride = z.output<typeof gateOverrideSchema>;
/** An override change. */
export type GateOverrideChange = z.output<typeof gateOverrideChangeSchema>;
/** A gate's overrides and log. */
export type GateOverrideList = z.output<typeof gateOverridesSchema>;
/** The body that sets or clears an override. */
export type OverrideBody = z.input<typeof overrideBodySchema>;

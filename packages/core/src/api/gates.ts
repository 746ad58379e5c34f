import { z } from 'zod';
import { conditionSchema } from '../condition/condition-schema.js';
import { conditionKinds } from '../condition/condition.js';
import type { Explanation } from '../condition/explain-condition.js';
import { browserKeyQuerySchema } from './config.js';
import { count } from './wire.js';

const text = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** The query of `GET /v1/gates`. */
export const gatesQuerySchema = browserKeyQuerySchema.extend({
  key: browserKeyQuerySchema.shape.key.describe('The public key (needs userHash); or send the secret key as a Bearer token.'),
  userId: z.string({ error: 'is required' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters').describe('The user.'),
  userHash: z.string().max(200, 'must be at most 200 characters').optional().describe('hex(HMAC-SHA256(secretKey, userId)); required with the public key.'),
  gate: text.optional().describe('Only this gate.'),
});

/** Why a condition holds or not, node by node (core's Explanation). */
export const explanationSchema: z.ZodType<Explanation> = z
  .strictObject({
    kind: z.enum([...conditionKinds, 'unknown']),
    result: z.boolean(),
    reason: z.string().describe('A short reason for people, e.g. "Report Exported" 1 time in the last 7 days, needs ≥ 3.'),
    condition: conditionSchema,
    get children() {
      return z.array(explanationSchema).optional().describe("The explanations of an all/any/not node's children, in order.");
    },
  })
  .describe("A condition explained node by node (core's explainCondition).");

/** Where a user stands on one gate. */
export const userGateSchema = z.strictObject({
  unlocked: z.boolean(),
  reason: z
    .enum(['condition', 'override', 'locked'])
    .describe('condition: its unlock condition holds; override: a CSM override decided; locked: the condition does not hold yet.'),
  locked: z.enum(['disable', 'hide', 'teaser']).describe('How the feature looks while locked (from the config).'),
  progress: z.strictObject({ done: count, total: count }).optional().describe('Checklist items the condition asks for; only when it names checklists.'),
  todo: z.array(z.strictObject({ checklist: z.string(), item: z.string() })).describe('Those checklist items not done yet, in config order.'),
  missing: explanationSchema,
});

/** The `GET /v1/gates` answer: the user's gates by key. */
export const userGatesSchema = z.strictObject({ gates: z.record(z.string(), userGateSchema) });

/** A user's gate, as the vendor's backend reads it. */
export type UserGate = z.output<typeof userGateSchema>;

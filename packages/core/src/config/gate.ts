import { z } from 'zod';
import { conditionSchema } from '../condition/condition-schema.js';
import { configKey } from './config-key.js';
import { description } from './config-text.js';

/** What a user may read on a locked feature: why it is locked and what unlocks it. */
export const gateHintSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  body: z.string().max(2000, 'must be at most 2000 characters').optional(),
});

/** A feature gate: the feature (by key) stays locked until its `unlock` condition holds. */
export const gateSchema = z.strictObject({
  /** Key of the gated feature; must be defined in `features`. */
  key: configKey,
  unlock: conditionSchema,
  /** How a locked feature looks: visible but disabled, hidden, or a teaser that opens the hint. */
  locked: z.enum(['disable', 'hide', 'teaser']).default('disable'),
  hint: gateHintSchema.optional(),
  /** Whether the unlock moment is celebrated (once per user). */
  celebrate: z.boolean().default(true),
  description,
});

/** A gate as validated. */
export type Gate = z.output<typeof gateSchema>;

import { z } from 'zod';
import { conditionSchema } from '../condition/condition-schema.js';
import { configKey } from './config-key.js';
import { description, title } from './config-text.js';

/** An adoption milestone: a condition for a user or an account, and the day it should be reached by. */
export const milestoneSchema = z.strictObject({
  key: configKey,
  name: title,
  scope: z.enum(['user', 'account']),
  condition: conditionSchema,
  /** The day (0 = the first 24 hours after the user or account started) it should be reached by. */
  targetDay: z.number().int('must be a whole number of days').min(0, 'must be at least 0').max(365, 'must be at most 365'),
  /** The moment the customer first gets value ("time to first value" is measured to it); at most one. */
  firstValue: z.boolean().optional(),
  description,
});

/** A milestone as validated. */
export type Milestone = z.output<typeof milestoneSchema>;

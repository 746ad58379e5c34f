import { z } from 'zod';
import { limits } from '../limits.js';
import { configKey } from './config-key.js';
import { description, title } from './config-text.js';

/** A named capability of the product, basic or advanced, and the events that count as using it. */
export const featureSchema = z.strictObject({
  key: configKey,
  name: title,
  tier: z.enum(['basic', 'advanced']),
  /** Event keys that count as use, besides the feature's own tag `Feature Used:<key>` (see featureEventKeys). */
  events: z.array(z.string().min(1, 'must not be empty').max(limits.maxEventNameLength)).max(100).default([]),
  description,
});

/** A feature as validated. */
export type Feature = z.output<typeof featureSchema>;

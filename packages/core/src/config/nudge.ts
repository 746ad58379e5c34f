import { z } from 'zod';
import { configKey } from './config-key.js';
import { description } from './config-text.js';

const count = (max: number) => z.number().int('must be a whole number').min(0, 'must be at least 0').max(max, `must be at most ${max}`);

/** Overrides of `defaultNudgeCaps` for one nudge (passed to `mayNudge` as its caps). */
export const nudgeCapsSchema = z.strictObject({
  perNudgeMax: count(100).min(1, 'must be at least 1').optional(),
  perNudgeCooldownMs: count(31_536_000_000).optional(),
  perSession: count(100).optional(),
  perDay: count(1000).optional(),
});

/** A nudge for users stuck on a checklist item: one item, any item of one checklist, or (without `for`) any item. */
export const nudgeSchema = z.strictObject({
  key: configKey,
  /** A pulsing hotspot on the item's guide target, a tooltip there, or a small toast with "Show me how". */
  kind: z.enum(['hotspot', 'tooltip', 'toast']).default('toast'),
  for: z.strictObject({ checklist: configKey, item: configKey.optional() }).optional(),
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  body: z.string().max(2000, 'must be at most 2000 characters').optional(),
  caps: nudgeCapsSchema.optional(),
  /** Event recorded when the user tries the item (e.g. "Export Started"); attempts without the item getting done count towards stuck. */
  attempt: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  /** Event recorded when the user hits an error on the item (e.g. "Export Failed"). */
  error: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  /** Overrides of `defaultStuckRules` thresholds for this nudge. */
  stuck: z
    .strictObject({
      activeMs: z.number().int('must be a whole number').min(1000, 'must be at least 1000').max(86_400_000, 'must be at most 86400000').optional(),
      visits: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
      failedAttempts: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
      errors: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
      deadClicks: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
    })
    .optional(),
  /** Mark the user stuck on the server when still stuck on the same item after this many days. */
  escalate: z
    .strictObject({ afterDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365') })
    .optional(),
  description,
});

/** A nudge as validated. */
export type Nudge = z.output<typeof nudgeSchema>;

import { z } from 'zod';
import { announcementSchema } from './announcement.js';
import { checklistSchema } from './checklist.js';
import { crossReferences } from './cross-references.js';
import { featureSchema } from './feature.js';
import { gateSchema } from './gate.js';
import { guideSchema } from './guide.js';
import { healthSchema } from './health.js';
import { milestoneSchema } from './milestone.js';
import { nudgeSchema } from './nudge.js';
import { successPlanSchema } from './success-plan.js';

const section = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must have at most ${max} entries`).default([]);

/** The per-app config document (version 1) without its cross-reference checks. */
export const configShape = z.strictObject({
  /** The JSON Schema the document claims, for editors; ignored by Waymark. */
  $schema: z.string().max(500).optional(),
  version: z.literal(1, { error: 'must be 1 (the only config version so far)' }),
  features: section(featureSchema, 500),
  milestones: section(milestoneSchema, 100),
  checklists: section(checklistSchema, 50),
  guides: section(guideSchema, 200),
  gates: section(gateSchema, 200),
  nudges: section(nudgeSchema, 200),
  announcements: section(announcementSchema, 100),
  /** Default success plans by account segment; optional (no default) so configs without it are served unchanged. */
  successPlans: z.array(successPlanSchema).max(50, 'must have at most 50 entries').optional(),
  /** Health weights, bands and flag thresholds; core's defaults where left out. */
  health: healthSchema.optional(),
});

/** The per-app config document, with unique keys and references checked. Use `validateConfig` for readable errors. */
export const waymarkConfigSchema = configShape.superRefine(crossReferences);

/** A validated config document (defaults filled in). */
export type WaymarkConfig = z.output<typeof waymarkConfigSchema>;
/** A config document as authored (what `defineConfig` takes). */
export type WaymarkConfigInput = z.input<typeof waymarkConfigSchema>;

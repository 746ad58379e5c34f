import { z } from 'zod';
import { conditionSchema } from '../condition/condition-schema.js';
import { configKey } from './config-key.js';
import { description, title } from './config-text.js';
import { triggerSchema } from './trigger.js';

// A path on the same site (not `//host`, and no backslash, which browsers read as `/`), or an
// https URL. Anything else (javascript:, data:, http:) is refused.
export const safeUrl = /^(?:\/(?![/\\])|https:\/\/[^/\\\s?#]+(?:[/?#]|$))[^\\\s\u0000-\u001f\u007f]*$/;

/** Where a checklist item's call to action goes. */
export const linkSchema = z.strictObject({
  url: z.string().max(2000, 'must be at most 2000 characters').regex(safeUrl, 'must be a path on your site ("/settings/team") or an https:// URL'),
  label: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
});

/** One step of a checklist: done when its condition holds, optionally backed by a guide or a link. */
export const checklistItemSchema = z.strictObject({
  key: configKey,
  title,
  description,
  done: conditionSchema,
  /** Key of the guide that walks the user through it. */
  guide: configKey.optional(),
  link: linkSchema.optional(),
});

/** An ordered checklist shown to the users its audience condition selects (everyone without one). */
export const checklistSchema = z.strictObject({
  key: configKey,
  title,
  description,
  audience: conditionSchema.optional(),
  items: z.array(checklistItemSchema).min(1, 'must have at least one item').max(50, 'must have at most 50 items'),
  /** When the checklist's panel opens by itself (see docs/experiences.md). */
  trigger: triggerSchema.optional(),
});

/** A checklist as validated. */
export type Checklist = z.output<typeof checklistSchema>;
/** A checklist item as validated. */
export type ChecklistItem = z.output<typeof checklistItemSchema>;

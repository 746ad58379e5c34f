import { z } from 'zod';
import { limits } from '../limits.js';
import { configKey } from './config-key.js';
import { title } from './config-text.js';
import { urlPatternSchema } from '../page/url-pattern-schema.js';
import { triggerSchema } from './trigger.js';

/** The element a step points at; both given means the selector is tried first. */
export const stepTargetSchema = z
  .strictObject({
    selector: z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
    /** The value of a `data-waymark-anchor` attribute in the page. */
    anchor: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  })
  .refine((t) => t.selector !== undefined || t.anchor !== undefined, 'needs a selector or an anchor (leave out target for a centred step)');

/** One step of a guide. */
export const guideStepSchema = z
  .strictObject({
    key: configKey,
    title,
    /** Plain text or the small markdown subset the UI renders (never raw HTML). */
    body: z.string().max(5000, 'must be at most 5000 characters'),
    /** Without a target the step is a centred modal. */
    target: stepTargetSchema.optional(),
    placement: z.enum(['top', 'bottom', 'left', 'right', 'auto']).default('auto'),
    advance: z
      .union([z.enum(['next', 'click', 'input']), z.strictObject({ event: z.string().min(1, 'must not be empty').max(limits.maxEventNameLength) })], {
        error: 'must be "next", "click", "input" or { "event": "<event key>" }',
      })
      .default('next'),
    /** The URL path pattern the step belongs to, e.g. `/app/projects/:id` or `/app/*`. */
    url: urlPatternSchema.optional(),
    /** How long to wait for a target that renders late, in ms. */
    waitMs: z
      .number()
      .int('must be a whole number of milliseconds')
      .min(0, 'must be at least 0')
      .max(60_000, 'must be at most 60000 (one minute)')
      .default(5000),
    /** What to do when the target never shows: skip to the next step, or end the guide. */
    onMissing: z.enum(['skip', 'end']).default('skip'),
  })
  .superRefine((s, ctx) => {
    if (s.advance === 'click' && s.target === undefined) ctx.addIssue({ code: 'custom', path: ['advance'], message: '"click" needs a target to click' });
    if (s.advance === 'input' && s.target === undefined)
      ctx.addIssue({ code: 'custom', path: ['advance'], message: '"input" needs a target field to type in' });
  });

/** A guide (tour): ordered steps, possibly across pages. */
export const guideSchema = z.strictObject({
  key: configKey,
  title,
  steps: z.array(guideStepSchema).min(1, 'must have at least one step').max(50, 'must have at most 50 steps'),
  /** Words users may search for in the assistant besides the title ("invite", "teammate", "colleague"). */
  keywords: z
    .array(z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'))
    .max(30, 'must have at most 30 keywords')
    .optional(),
  /** When the guide starts by itself (see docs/experiences.md); without one it waits to be started. */
  trigger: triggerSchema.optional(),
});

/** A guide as validated. */
export type Guide = z.output<typeof guideSchema>;
/** A guide step as validated. */
export type GuideStep = z.output<typeof guideStepSchema>;

import { z } from 'zod';
import { conditionSchema } from '../condition/condition-schema.js';
import { limits } from '../limits.js';
import { urlPattern } from '../page/url-pattern-schema.js';

// An ISO 8601 date (`2026-04-01`, midnight UTC) or date-time with a zone (`2026-04-01T09:00:00Z`).
const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const date = z.string().superRefine((d, ctx) => {
  const at = Date.parse(d);
  if (!isoDate.test(d)) ctx.addIssue({ code: 'custom', message: 'must be an ISO date ("2026-04-01") or date-time with a zone ("2026-04-01T09:00:00Z")' });
  // Date.parse rolls 2026-02-30 over to March: the day must read back the same.
  else if (!Number.isFinite(at) || new Date(Date.parse(d.slice(0, 10))).toISOString().slice(0, 10) !== d.slice(0, 10))
    ctx.addIssue({ code: 'custom', message: 'must be a real date' });
});

/**
 * When an experience (a guide, a checklist) starts by itself: on a page, on an event, or on an
 * event on a page, for an audience; once per user, or again after some days; the highest priority
 * first; between optional dates. Every start counts against the one frequency budget nudges use.
 */
export const triggerSchema = z
  .strictObject({
    /** A URL pattern the user must be on (`"*"`: any page); without `event`, it starts on arriving there. */
    page: z
      .string()
      .max(500, 'must be at most 500 characters')
      .refine((p) => p === '*' || urlPattern.test(p), 'must be "*" (any page) or a URL path pattern such as "/app/reports" or "/#/settings"')
      .optional(),
    /** An event key (as in conditions): starts when it is tracked (on `page`, when given). */
    event: z.string().min(1, 'must not be empty').max(limits.maxEventNameLength).optional(),
    /** Who: a condition that must hold at that moment (page conditions included). */
    audience: conditionSchema.optional(),
    /** Start again this many days after the last start; without it, once per user. */
    repeat: z.strictObject({ afterDays: z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365') }).optional(),
    /** When several could start at one moment, the highest starts (ties: the order in the config). */
    priority: z.number().int('must be a whole number').min(0, 'must be at least 0').max(100, 'must be at most 100').default(0),
    /** Not before this date. */
    from: date.optional(),
    /** Not from this date on. */
    until: date.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.page === undefined && t.event === undefined) ctx.addIssue({ code: 'custom', path: [], message: 'needs a "page", an "event" or both' });
    if (t.from !== undefined && t.until !== undefined && Date.parse(t.until) <= Date.parse(t.from))
      ctx.addIssue({ code: 'custom', path: ['until'], message: `must be after "from" (${t.from})` });
  });

/** A trigger as validated. */
export type Trigger = z.output<typeof triggerSchema>;

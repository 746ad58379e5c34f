import { z } from 'zod';
import { conditionSchema } from '../condition/condition-schema.js';
import { configKey } from './config-key.js';
import { title } from './config-text.js';
import { linkSchema, safeUrl } from './checklist.js';
import { stepTargetSchema } from './guide.js';
import { triggerSchema } from './trigger.js';

/** What an announcement's button does: start a guide, open a URL, or just close it. */
export const announcementActionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('guide'), label: title, guide: configKey }),
    z.strictObject({ type: z.literal('url'), label: title, url: linkSchema.shape.url, newTab: z.boolean().default(false) }),
    z.strictObject({ type: z.literal('dismiss'), label: title }),
  ],
  { error: 'must be { "type": "guide", "label", "guide" }, { "type": "url", "label", "url" } or { "type": "dismiss", "label" }' },
);

/**
 * News for users: a new feature, a change, a tip. Shown by its trigger as a modal, a banner, a
 * slide-out or a hotspot beacon on an element, and always listed in the assistant's "What's new"
 * for the users its audience selects. Seen, clicked and dismissed are recorded as events.
 */
export const announcementSchema = z
  .strictObject({
    key: configKey,
    title,
    /** Plain text or the small markdown subset the UI renders (never raw HTML); may be personalised. */
    body: z.string().max(5000, 'must be at most 5000 characters'),
    /** How it shows when its trigger starts it. */
    kind: z.enum(['modal', 'banner', 'slideout', 'hotspot']).default('modal'),
    /** Banners: at the top or the bottom of the page. */
    position: z.enum(['top', 'bottom']).default('top'),
    /** Banners: push the page's content down (or up) instead of covering it. */
    push: z.boolean().default(false),
    /** Hotspots: the element the beacon sits on. */
    target: stepTargetSchema.optional(),
    image: z
      .strictObject({
        src: z.string().max(2000, 'must be at most 2000 characters').regex(safeUrl, 'must be a path on your site or an https:// URL'),
        alt: z.string().max(300, 'must be at most 300 characters'),
      })
      .optional(),
    /** The call to action; without one, the announcement has a close button only. */
    action: announcementActionSchema.optional(),
    /** A feature key: what the announcement promotes; its adoption by those who saw it is reported. */
    feature: configKey.optional(),
    /** Who may see it, in What's new and from its trigger; everyone without one. */
    audience: conditionSchema.optional(),
    /** When it shows by itself (see docs/experiences.md); without one it waits in What's new. */
    trigger: triggerSchema.optional(),
    /** When it is published (ISO date): What's new lists it from that day, the newest first, in config order without one. */
    published: z.iso.date({ error: 'must be a date like "2026-04-01"' }).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'hotspot' && a.target === undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: 'a hotspot needs a target element' });
  });

/** An announcement as validated. */
export type Announcement = z.output<typeof announcementSchema>;
/** An announcement's call to action as validated. */
export type AnnouncementAction = z.output<typeof announcementActionSchema>;

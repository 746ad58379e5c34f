import { z } from 'zod';
import { count } from './wire.js';

/** The query of `GET /v1/admin/experiences`. */
export const experiencesQuerySchema = z.object({
  days: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(90, 'must be at most 90')
    .default(14)
    .describe('Days after a start in which a goal or a feature use counts, 1 to 90, default 14.'),
});

const rate = z.number().optional().describe('Absent when its denominator is 0.');

/** A guide's reach: distinct users who started, were started by its trigger, completed and dismissed it, and its goal. */
export const guideExperienceSchema = z.strictObject({
  key: z.string(),
  title: z.string().describe("The guide's title; its key when it is no longer in the config."),
  started: count,
  autoStarted: count.describe('Users whose guide was started by its trigger (`Experience Started`).'),
  completed: count,
  dismissed: count,
  completionRate: rate,
  goal: z
    .strictObject({
      checklist: z.string(),
      item: z.string(),
      reachedAfter: count.describe('Users who completed the item within `days` days after first starting the guide.'),
      rate: rate.describe('reachedAfter / started; absent when nobody started.'),
    })
    .nullable()
    .describe('The checklist item the guide backs (its `guide`); null when no item does.'),
});

/** One group of the adoption comparison: its users, and how many of them used the feature within `days` days of their start. */
const adoptionGroupSchema = z.strictObject({ users: count, adopted: count, rate });

/** An announcement's reach and click-through, and the adoption of the feature it promotes by those who saw it against those who did not. */
export const announcementExperienceSchema = z.strictObject({
  key: z.string(),
  title: z.string().describe("The announcement's title; its key when it is no longer in the config."),
  kind: z.enum(['modal', 'banner', 'slideout', 'hotspot']).nullable().describe('Null when it is no longer in the config.'),
  seen: count.describe('Reach: users who saw it.'),
  clicked: count,
  dismissed: count,
  clickThrough: rate.describe('clicked / seen.'),
  dismissRate: rate.describe('dismissed / seen.'),
  feature: z
    .strictObject({
      key: z.string(),
      days: z.number().int().min(1),
      seen: adoptionGroupSchema.describe('Users who saw it and had not used the feature before, counted from their first sight of it.'),
      notSeen: adoptionGroupSchema.describe(
        'Users active since it was published (or first seen) who never saw it and had not used the feature before, counted from their first activity since.',
      ),
    })
    .nullable()
    .describe('Null when the announcement names no feature.'),
});

/** The `GET /v1/admin/experiences` answer. */
export const experiencesSchema = z.strictObject({
  days: z.number().int().min(1),
  guides: z.array(guideExperienceSchema),
  announcements: z.array(announcementExperienceSchema),
});

/** Guides and announcements with their reach and what followed. */
export type Experiences = z.output<typeof experiencesSchema>;
/** One guide of the experiences report. */
export type GuideExperience = z.output<typeof guideExperienceSchema>;
/** One announcement of the experiences report. */
export type AnnouncementExperience = z.output<typeof announcementExperienceSchema>;

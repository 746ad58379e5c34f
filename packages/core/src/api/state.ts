import { z } from 'zod';
import type { NudgeRecord } from '../nudge/nudge-history.js';
import type { StateSnapshot } from '../state/state-snapshot.js';
import { browserKeyQuerySchema } from './config.js';
import { overrideStateSchema } from './gate-overrides.js';
import { isoTime, jsonObject } from './wire.js';

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** The query of `GET /v1/state`. */
export const stateQuerySchema = browserKeyQuerySchema.extend({
  userId: id.optional().describe('The identified user.'),
  anonymousId: id.optional().describe("Before identify: the device's anonymous id."),
  userHash: z.string().max(200).optional().describe('hex(HMAC-SHA256(secretKey, userId)), required when the app requires identity verification.'),
});

const scopeStateSchema = z.strictObject({
  events: z
    .record(
      z.string(),
      z.strictObject({
        total: z.number().describe('All-time count.'),
        hours: z.record(z.string(), z.number()).describe('Counts per UTC hour, keyed by the hour number (ms / 3,600,000); sparse.'),
      }),
    )
    .describe('Counters by event key.'),
  traits: jsonObject,
  trustedTraits: jsonObject.optional().describe('The traits as last set by a trusted source (the secret key, or a verified identify or group).'),
  startedAt: z.number().optional().describe('When the user or account started, ms since the epoch.'),
});

/** A user's progress as JSON (core's StateSnapshot). */
export const stateSnapshotSchema = z
  .strictObject({
    user: scopeStateSchema,
    account: scopeStateSchema,
    milestones: z.array(z.string()).describe("Keys of the milestones reached (the user's, and their account's)."),
    items: z.record(z.string(), z.array(z.string())).describe('Done item keys by checklist key.'),
    completed: z.array(z.string()).describe('Keys of the checklists recorded complete.'),
    page: z
      .strictObject({
        path: z.string(),
        hash: z.string().describe('The hash route without "#".'),
        search: z.string().describe('The query string without "?".'),
        title: z.string(),
      })
      .optional()
      .describe("The user's latest page view, which page conditions match."),
  })
  .describe(
    'A StateSnapshot of @waymark/core: counters, traits, start times, milestones, checklist items and checklists reached.',
  ) satisfies z.ZodType<StateSnapshot>;

/** One thing that happened to a nudge (core's NudgeRecord); times in ms since the epoch. */
export const nudgeRecordSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('shown'), nudge: z.string(), at: z.number(), session: z.string() }),
  z.strictObject({ type: z.literal('dismissed'), nudge: z.string(), at: z.number() }),
  z.strictObject({ type: z.literal('snoozed'), nudge: z.string(), at: z.number(), until: z.number().describe('ms since the epoch') }),
]) satisfies z.ZodType<NudgeRecord>;

/** Where a user is in one guide, from their latest guide event. */
export const guideStateSchema = z.strictObject({
  status: z.enum(['active', 'completed', 'dismissed', 'errored']).describe("errored: the run stopped because a step's target never showed."),
  step: z.string().optional().describe('The step last viewed, while the guide is active.'),
  at: isoTime.describe('When that latest event happened.'),
});

/** The `GET /v1/state` answer: a user's progress as the collector knows it. */
export const userStateSchema = z.strictObject({
  snapshot: stateSnapshotSchema,
  guides: z.record(z.string(), guideStateSchema).describe('Guide positions by guide key.'),
  dismissed: z.array(z.string()).describe('Keys of the checklists the user dismissed (and did not open again since).'),
  configVersion: z.number().int().nullable().describe('The config version progress was settled against; null when the app has no config.'),
  overrides: z
    .record(z.string(), overrideStateSchema)
    .describe("The CSM override in force per gate key (the user's beats the account's); only gates with one; {} for anonymous visitors."),
  celebrated: z.array(z.string()).describe('Gate keys with a `Gate Unlocked` event from this user, sorted.'),
  announcements: z
    .record(
      z.string(),
      z.strictObject({
        clicked: z.boolean().describe('Its call to action was used.'),
        dismissed: z.boolean().describe('It was closed without it; it does not show by itself again.'),
      }),
    )
    .describe('The announcements the user has seen (an `Announcement Seen` event, on any device), by key.'),
  nudges: z
    .array(nudgeRecordSchema)
    .max(500)
    .describe("The user's nudge history (core's NudgeHistory) from their nudge events of the last 90 days, the newest 500, oldest first."),
});

/** A guide position. */
export type GuideState = z.output<typeof guideStateSchema>;
/** A user's state. */
export type UserState = z.output<typeof userStateSchema>;

import { z } from 'zod';
import { limits } from './limits.js';

const id = z
  .union([z.string(), z.number().finite()])
  .transform((v) => String(v))
  .pipe(z.string().min(1, 'must not be empty').max(limits.maxIdLength, `must be at most ${limits.maxIdLength} characters`));

const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-01-31T09:00:00.000Z' });
const isJsonObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A JSON object of any shape (properties, traits, context). Checked with one type test: the
 * collector has already walked every value with `inspectJson`, and `z.record` cost 1 µs per
 * object copying it key by key. `jsonSchemaOverride` describes it in JSON Schema.
 */
const dict = z.custom<Record<string, unknown>>(isJsonObject, { message: 'must be a JSON object' });

/** For `z.toJSONSchema`'s `override` option: describes the free-form objects of messages as `z.record` would. */
export function jsonSchemaOverride(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (ctx.zodSchema === dict) Object.assign(ctx.jsonSchema, { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} });
}

/** A required string's errors: missing says "is required", another type says "must be a string". */
const requiredString = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? `is required (${what})` : `must be a string (${what})`),
});

const common = {
  messageId: z
    .string(requiredString('a unique id per message, e.g. a UUID'))
    .min(1, 'must not be empty')
    .max(limits.maxIdLength, `must be at most ${limits.maxIdLength} characters`),
  timestamp: isoTime.optional(),
  sentAt: isoTime.optional(),
  userId: id.nullish(),
  anonymousId: id.nullish(),
  context: dict.optional(),
  integrations: dict.optional(),
};

/** `track`: the user did something. */
export const trackMessage = z.object({
  type: z.literal('track'),
  ...common,
  event: z
    .string(requiredString('the event name'))
    .min(1, 'must not be empty')
    .max(limits.maxEventNameLength, `must be at most ${limits.maxEventNameLength} characters`),
  properties: dict.optional(),
});

/** `identify`: who the user is, with traits. */
export const identifyMessage = z.object({ type: z.literal('identify'), ...common, traits: dict.optional() });

/** `group`: the account (customer company) the user belongs to, with account traits. */
export const groupMessage = z.object({
  type: z.literal('group'),
  ...common,
  groupId: id,
  traits: dict.optional(),
});

/** `page`: the user viewed a page. */
export const pageMessage = z.object({
  type: z.literal('page'),
  ...common,
  name: z.string().max(500).nullish(),
  category: z.string().max(500).nullish(),
  properties: dict.optional(),
});

/** Any Segment-spec message Waymark accepts. */
export const message = z
  .discriminatedUnion('type', [trackMessage, identifyMessage, groupMessage, pageMessage], {
    message: 'must be one of track, identify, group, page',
  })
  .refine((m) => m.userId != null || m.anonymousId != null, {
    message: 'userId or anonymousId is required',
    path: ['userId'],
  });

/** A validated message. */
export type Message = z.infer<typeof message>;
/** A message as a client builds it, before validation. */
export type MessageInput = z.input<typeof message>;
export type TrackMessage = z.infer<typeof trackMessage>;
export type IdentifyMessage = z.infer<typeof identifyMessage>;
export type GroupMessage = z.infer<typeof groupMessage>;
export type PageMessage = z.infer<typeof pageMessage>;
/** The message types Waymark accepts. */
export type MessageType = Message['type'];

/**
 * The `POST /v1/batch` body (Segment's HTTP API), checked before its messages are checked one
 * by one, so one bad message cannot spoil the others.
 */
export const batchEnvelope = z.object({
  batch: z
    .array(z.unknown(), { message: 'must be an array of messages' })
    .max(limits.maxBatchMessages, `must hold at most ${limits.maxBatchMessages} messages`),
  sentAt: isoTime.optional(),
  writeKey: z.string().max(200).optional(),
  context: dict.optional(),
  /** Messages the sender had to drop (its offline queue was full) since its last delivered batch. */
  dropped: z.number().int().min(0).max(1e9).optional(),
});

/** A checked batch envelope. */
export type BatchEnvelope = z.infer<typeof batchEnvelope>;

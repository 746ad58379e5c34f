import { z } from 'zod';
import { count, isoDate, isoTime, jsonObject } from './wire.js';

/** The `GET /v1/admin/app` answer: the app of the key or session. */
export const appSchema = z.strictObject({
  appId: z.string(),
  name: z.string(),
  publicKey: z.string().describe('pk_...'),
  origins: z.array(z.string()).describe('Where the public key may be used from.'),
  createdAt: isoTime,
  requireUserHash: z.boolean().describe('Whether browser calls naming a userId must prove it with userHash (identity verification).'),
});

/** The query of `GET /v1/admin/events`. */
export const eventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('1 to 1000, default 100'),
  userId: z.string().max(200).optional().describe('Only this user.'),
  accountId: z.string().max(200).optional().describe('Only this account.'),
});

/** An event as stored. */
export const storedEventSchema = z.strictObject({
  messageId: z.string(),
  type: z.enum(['track', 'identify', 'group', 'page']),
  event: z.string().nullable().describe('track: the event name; page: the page name.'),
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  accountId: z.string().nullable(),
  timestamp: isoTime.describe('When it happened, corrected for the client clock (see timestampSource).'),
  receivedAt: isoTime,
  timestampSource: z.enum(['client_corrected', 'client', 'server', 'server_clamped']),
  properties: jsonObject.nullable(),
  traits: jsonObject.nullable(),
});

/** The `GET /v1/admin/events` answer, newest received first. */
export const eventsSchema = z.strictObject({ events: z.array(storedEventSchema) });

/** The query of `GET /v1/admin/usage`. */
export const usageQuerySchema = z.object({
  accountId: z.string().min(1).max(200).optional().describe('An account (gives daily active users too).'),
  userId: z.string().min(1).max(200).optional().describe('A user.'),
});

/** The `GET /v1/admin/usage` answer: usage rollups by event key. */
export const usageSchema = z.strictObject({
  events: z.array(z.strictObject({ event: z.string().describe('The event key.'), count, firstSeen: isoTime, lastSeen: isoTime })),
  daily: z
    .array(z.strictObject({ day: isoDate, activeUsers: count }))
    .optional()
    .describe('For an account: its daily active users.'),
});

/** The path of `GET /v1/admin/users/{userId}/state`. */
export const userStateParamsSchema = z.object({ userId: z.string().min(1).max(200, 'must be at most 200 characters') });

/** An app, as admin calls show it. */
export type App = z.output<typeof appSchema>;
/** An event as stored. */
export type StoredEvent = z.output<typeof storedEventSchema>;
/** Usage rollups. */
export type Usage = z.output<typeof usageSchema>;

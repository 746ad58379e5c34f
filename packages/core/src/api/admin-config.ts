import { z } from 'zod';
import { waymarkConfigSchema } from '../config/config-schema.js';
import { isoTime } from './wire.js';

const note = z.string().max(500, 'must be at most 500 characters');
const version = z.number().int('must be a whole number').min(1, 'must be at least 1');

/** The query of `GET /v1/admin/config`. */
export const configVersionQuerySchema = z.object({
  version: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional().describe('A version number; default the current one.'),
});

/** The query of `PUT /v1/admin/config`. */
export const pushConfigQuerySchema = z.object({ note: note.optional().describe('A note kept with the version.') });

/** The `POST /v1/admin/config/restore` body. */
export const restoreConfigBodySchema = z.strictObject({ version: version.describe('The version to copy.'), note: note.optional() });

/** A config version. */
export const configVersionSchema = z.strictObject({
  version: version,
  etag: z.string().describe('The ETag GET /v1/config answers with for this version.'),
  createdAt: isoTime,
  note: z.string().nullable(),
  restoredFrom: version.nullable().describe('The version this one copies, when it was made by a restore.'),
});

/** The `GET /v1/admin/config` answer: a version with its document as pushed, in the author's key order. */
export const storedConfigSchema = configVersionSchema.extend({ config: waymarkConfigSchema });

/** The `GET /v1/admin/config/versions` answer, newest first. */
export const configVersionsSchema = z.strictObject({ versions: z.array(configVersionSchema) });

/** The `PUT /v1/admin/config` answer. */
export const configPushedSchema = z.strictObject({
  version: version,
  etag: z.string(),
  created: z.boolean().describe('false: identical to the current version; nothing new stored.'),
});

/** The `POST /v1/admin/config/restore` answer: the new version. */
export const configRestoredSchema = z.strictObject({ version: version, etag: z.string(), restoredFrom: version });

/** A config version. */
export type ConfigVersion = z.output<typeof configVersionSchema>;
/** A config version with its document as pushed (defaults not filled in). */
export type StoredConfig = z.input<typeof storedConfigSchema>;
/** Every config version. */
export type ConfigVersionList = z.output<typeof configVersionsSchema>;
/** The answer to a push. */
export type ConfigPushed = z.output<typeof configPushedSchema>;
/** The answer to a restore. */
export type ConfigRestored = z.output<typeof configRestoredSchema>;

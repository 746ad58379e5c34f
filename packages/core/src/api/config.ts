import { z } from 'zod';
import { waymarkConfigSchema } from '../config/config-schema.js';

/** The `key` query parameter of the browser's calls (config, state, gates). */
export const browserKeyQuerySchema = z.object({
  key: z
    .string()
    .optional()
    .describe('The public key (pk_...) from a browser on an allowed origin, or the secret key from a server; or send the key as a Bearer token.'),
});

/** The request headers of `GET /v1/config`. */
export const configHeadersSchema = z.object({
  'If-None-Match': z.string().optional().describe('The ETag of the config the client has: 304 when it is still current.'),
});

/** The `GET /v1/config` answer: the app's current config, defaults filled in. */
export const configBodySchema = z.strictObject({
  version: z.number().int().min(1),
  config: waymarkConfigSchema,
});

/** The config as the SDK receives it. */
export type ConfigBody = z.output<typeof configBodySchema>;

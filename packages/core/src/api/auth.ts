import { z } from 'zod';

/** A CSM user's role: `admin` sees every app and manages CSM users; `csm` sees the apps granted. */
export const csmRoleSchema = z.enum(['admin', 'csm']);

/** The `POST /v1/auth/login` body. */
export const loginBodySchema = z.strictObject({
  email: z.string({ error: 'is required' }).max(254, 'must be at most 254 characters'),
  password: z.string({ error: 'is required' }).max(200, 'must be at most 200 characters'),
});

/** The logged-in CSM and the apps they may see (`POST /v1/auth/login`, `GET /v1/auth/me`). */
export const csmSessionSchema = z.strictObject({
  user: z.strictObject({ email: z.string(), name: z.string(), role: csmRoleSchema }),
  apps: z.array(
    z.strictObject({
      appId: z.string(),
      name: z.string(),
      identityVerified: z.boolean().describe('Whether the app requires identity verification (userHash) from browsers.'),
    }),
  ),
});

/** Who is logged in. */
export type CsmSession = z.output<typeof csmSessionSchema>;
/** A login. */
export type LoginBody = z.input<typeof loginBodySchema>;

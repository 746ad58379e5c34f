import { z } from 'zod';
import { csmRoleSchema } from './auth.js';
import { isoTime } from './wire.js';

/** A CSM user as admins see them (never with the password hash). */
export const csmUserSchema = z.strictObject({
  id: z.string(),
  email: z.string().describe('Lower-cased; unique whatever the case.'),
  name: z.string(),
  role: csmRoleSchema.describe('admin: every app, and manages CSM users; csm: the apps granted.'),
  createdAt: isoTime,
  disabledAt: isoTime.nullable(),
  apps: z.array(z.string()).describe('App ids granted (admins see every app regardless).'),
});

/** The `POST /v1/admin/csm-users` body. Email, name and password are checked by the store (400 `invalid_body` naming the field). */
export const createCsmUserBodySchema = z.strictObject({
  email: z.string({ error: 'is required' }),
  name: z.string({ error: 'is required' }).describe('1 to 200 characters.'),
  role: z.enum(['admin', 'csm'], { error: 'must be "admin" or "csm"' }),
  password: z.string({ error: 'must be a string' }).optional().describe('12 to 200 characters; omit to have one generated and returned once.'),
  apps: z
    .array(z.string({ error: 'must be app ids' }), { error: 'must be a list of app ids' })
    .max(1000)
    .optional()
    .describe('App ids the user may see.'),
});

/** The `GET /v1/admin/csm-users` answer. */
export const csmUsersSchema = z.strictObject({ users: z.array(csmUserSchema).describe('By email.') });

/** A CSM user after a change. */
export const csmUserAnswerSchema = z.strictObject({ user: csmUserSchema });

/** The `POST /v1/admin/csm-users` answer. */
export const csmUserCreatedSchema = z.strictObject({
  user: csmUserSchema,
  password: z.string().optional().describe('Only when generated; shown only now.'),
});

/** The path of a CSM user's app access. */
export const csmUserAppParamsSchema = z.object({ email: z.string().describe("The CSM user's email."), appId: z.string().describe('The app.') });

/** The path of a CSM user. */
export const csmUserParamsSchema = csmUserAppParamsSchema.pick({ email: true });

/** A CSM user. */
export type CsmUser = z.output<typeof csmUserSchema>;
/** A new CSM user. */
export type CsmUserCreate = z.input<typeof createCsmUserBodySchema>;

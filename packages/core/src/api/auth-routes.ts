import { z } from 'zod';
import { apiError, json, withErrors, type ApiRoute } from './api-route.js';
import { csmSessionSchema, loginBodySchema } from './auth.js';
import {
  createCsmUserBodySchema,
  csmUserAnswerSchema,
  csmUserAppParamsSchema,
  csmUserCreatedSchema,
  csmUserParamsSchema,
  csmUsersSchema,
} from './csm-users.js';

const session = ['csmSession'] as const;
const adminOrKey = ['csmSession', 'secretKey'] as const;
const crossSite = apiError('Sent from another site (`cross_origin`).');
const notJson = apiError('Not application/json (`unsupported_content_type`).');
const csmUserErrors = {
  '401': 'No live session (`not_logged_in`), or a key that is not a secret key (`missing_key`, `invalid_key`, `invalid_authorization`, `secret_key_required`).',
  '403': "Not an admin (`admin_required`), the wrong app's secret key (`wrong_app`), or a cross-site request with the cookie (`cross_origin`).",
  '415': 'A state change with the cookie not sent as application/json (`unsupported_content_type`).',
};
const whoAndApps = json(csmSessionSchema, 'The CSM and the apps they may see (Cache-Control: no-store).');
const userAnswer = json(csmUserAnswerSchema, 'The CSM user after the change.');
const badEmail = apiError('Not an email address (`invalid_body`, with `field`).');

/** Dashboard login (`/v1/auth`) and CSM user management (`/v1/admin/csm-users`). */
export const authRoutes: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/v1/auth/login',
    summary: 'Log a CSM in: sets the waymark_session cookie (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS)',
    description:
      'Unknown email, wrong password and disabled account all answer 401 `invalid_credentials`. After 5 failures for one email (since its last success) or 20 from one client IP within 15 minutes: 429 with Retry-After.',
    security: [],
    body: { schema: loginBodySchema },
    responses: {
      '200': whoAndApps,
      '400': apiError('A bad body (`invalid_body`, `invalid_json`, `invalid_utf8`, with `field`).'),
      '401': apiError('Wrong email or password (`invalid_credentials`).'),
      '403': crossSite,
      '413': apiError('A body over 4 KB (`body_too_large`).'),
      '415': notJson,
      '429': {
        ...apiError('Too many failed logins (`too_many_attempts`, with `retryAfter` in seconds).'),
        headers: { 'Retry-After': { schema: z.number().int(), description: 'Seconds to wait.' } },
      },
    },
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    summary: 'End the session and clear the cookie (204 also when not logged in)',
    security: [],
    responses: { '204': { description: 'Logged out.' }, '403': crossSite, '415': notJson },
  },
  {
    method: 'get',
    path: '/v1/auth/me',
    summary: 'Who is logged in, and their apps',
    security: session,
    responses: { '200': whoAndApps, '401': apiError('No live session (`not_logged_in`).') },
  },
  {
    method: 'get',
    path: '/v1/admin/csm-users',
    summary: "CSM users: all of them (admin session), or those who can see the key's app (secret key)",
    security: adminOrKey,
    responses: withErrors({ '200': json(csmUsersSchema, 'The users by email (Cache-Control: no-store).') }, csmUserErrors),
  },
  {
    method: 'post',
    path: '/v1/admin/csm-users',
    summary: 'Create a CSM user (admin session only)',
    security: session,
    body: { schema: createCsmUserBodySchema },
    responses: withErrors(
      {
        '201': json(csmUserCreatedSchema, 'Created (Cache-Control: no-store).'),
        '400': apiError('A bad field (`invalid_body`, `invalid_json`, `invalid_utf8`, with `field`).'),
        '404': apiError('An app in `apps` does not exist (`app_not_found`).'),
        '409': apiError('The email is taken (`csm_user_exists`).'),
        '413': apiError('A body over 16 KB (`body_too_large`).'),
      },
      csmUserErrors,
    ),
  },
  {
    method: 'put',
    path: '/v1/admin/csm-users/{email}/apps/{appId}',
    summary: 'Let a CSM user see an app (admin session, or the secret key of that app)',
    security: adminOrKey,
    params: csmUserAppParamsSchema,
    responses: withErrors(
      { '200': userAnswer, '400': badEmail, '404': apiError('No such user (`csm_user_not_found`) or app (`app_not_found`).') },
      csmUserErrors,
    ),
  },
  {
    method: 'delete',
    path: '/v1/admin/csm-users/{email}/apps/{appId}',
    summary: 'Stop a CSM user seeing an app (admin session, or the secret key of that app)',
    security: adminOrKey,
    params: csmUserAppParamsSchema,
    responses: withErrors({ '200': userAnswer, '400': badEmail, '404': apiError('No such user (`csm_user_not_found`).') }, csmUserErrors),
  },
  {
    method: 'post',
    path: '/v1/admin/csm-users/{email}/disable',
    summary: 'Disable a CSM user: no more logins, sessions end at once (admin session only)',
    security: session,
    params: csmUserParamsSchema,
    responses: withErrors({ '200': userAnswer, '400': badEmail, '404': apiError('No such user (`csm_user_not_found`).') }, csmUserErrors),
  },
];

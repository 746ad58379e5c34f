type Json = Record<string, unknown>;

const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => json({ $ref: '#/components/schemas/Error' }, description);
const body = (schema: Json): Json => ({ required: true, content: { 'application/json': { schema } } });
const path = (name: string, description: string): Json => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

const csmUser: Json = {
  type: 'object',
  required: ['id', 'email', 'name', 'role', 'createdAt', 'disabledAt', 'apps'],
  properties: {
    id: { type: 'string' },
    email: { type: 'string', description: 'Lower-cased; unique whatever the case.' },
    name: { type: 'string' },
    role: { enum: ['admin', 'csm'], description: 'admin: every app, and manages CSM users; csm: the apps granted.' },
    createdAt: { type: 'string', format: 'date-time' },
    disabledAt: { type: ['string', 'null'], format: 'date-time' },
    apps: { type: 'array', items: { type: 'string' }, description: 'App ids granted (admins see every app regardless).' },
  },
};
const whoAndApps = json(
  {
    type: 'object',
    required: ['user', 'apps'],
    properties: {
      user: { type: 'object', properties: { email: { type: 'string' }, name: { type: 'string' }, role: { enum: ['admin', 'csm'] } } },
      apps: { type: 'array', items: { type: 'object', properties: { appId: { type: 'string' }, name: { type: 'string' } } } },
    },
  },
  'The CSM and the apps they may see (Cache-Control: no-store).',
);
const session = { security: [{ csmSession: [] }] };
const adminOrKey = { security: [{ csmSession: [] }, { secretKey: [] }] };
const sessionErrors = {
  '401': error('No live session (`not_logged_in`), or a key that is not a secret key (`secret_key_required`, `invalid_key`).'),
  '403': error('Not an admin (`admin_required`), the wrong app\'s secret key (`wrong_app`), or a cross-site request with the cookie (`cross_origin`).'),
  '415': error('A state change with the cookie not sent as application/json (`unsupported_content_type`).'),
};
const userAnswer = json({ type: 'object', properties: { user: csmUser } }, 'The CSM user after the change.');
const emailAndApp = [path('email', "The CSM user's email."), path('appId', 'The app.')];

/** The OpenAPI paths of dashboard login (`/v1/auth`) and CSM user management (`/v1/admin/csm-users`). */
export function openApiAuthPaths(): Json {
  return {
    '/v1/auth/login': {
      post: {
        summary: 'Log a CSM in: sets the waymark_session cookie (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS)',
        description: 'Unknown email, wrong password and disabled account all answer 401 `invalid_credentials`. After 5 failures for one email (since its last success) or 20 from one client IP within 15 minutes: 429 with Retry-After.',
        requestBody: body({ type: 'object', required: ['email', 'password'], additionalProperties: false, properties: { email: { type: 'string' }, password: { type: 'string' } } }),
        responses: {
          '200': whoAndApps,
          '400': error('A bad body (`invalid_body`, `invalid_json`, with `field`).'),
          '401': error('Wrong email or password (`invalid_credentials`).'),
          '403': error('Sent from another site (`cross_origin`).'),
          '415': error('Not application/json.'),
          '429': { ...error('Too many failed logins (`too_many_attempts`, with `retryAfter` in seconds).'), headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } } },
        },
      },
    },
    '/v1/auth/logout': {
      post: {
        summary: 'End the session and clear the cookie (204 also when not logged in)',
        responses: { '204': { description: 'Logged out.' }, '403': error('Sent from another site (`cross_origin`).'), '415': error('Not application/json.') },
      },
    },
    '/v1/auth/me': { get: { ...session, summary: 'Who is logged in, and their apps', responses: { '200': whoAndApps, '401': error('No live session (`not_logged_in`).') } } },
    '/v1/admin/csm-users': {
      get: {
        ...adminOrKey,
        summary: 'CSM users: all of them (admin session), or those who can see the key\'s app (secret key)',
        responses: { '200': json({ type: 'object', properties: { users: { type: 'array', items: csmUser } } }, 'The users by email (Cache-Control: no-store).'), ...sessionErrors },
      },
      post: {
        ...session,
        summary: 'Create a CSM user (admin session only)',
        requestBody: body({
          type: 'object',
          required: ['email', 'name', 'role'],
          additionalProperties: false,
          properties: {
            email: { type: 'string' },
            name: { type: 'string' },
            role: { enum: ['admin', 'csm'] },
            password: { type: 'string', minLength: 12, maxLength: 200, description: 'Omit to have one generated and returned once.' },
            apps: { type: 'array', items: { type: 'string' }, description: 'App ids the user may see.' },
          },
        }),
        responses: {
          '201': json({ type: 'object', properties: { user: csmUser, password: { type: 'string', description: 'Only when generated; shown only now.' } } }, 'Created.'),
          '400': error('A bad field (`invalid_body`, with `field`).'),
          ...sessionErrors,
          '404': error('An app in `apps` does not exist (`app_not_found`).'),
          '409': error('The email is taken (`csm_user_exists`).'),
        },
      },
    },
    '/v1/admin/csm-users/{email}/apps/{appId}': {
      put: {
        ...adminOrKey,
        summary: 'Let a CSM user see an app (admin session, or the secret key of that app)',
        parameters: emailAndApp,
        responses: { '200': userAnswer, ...sessionErrors, '404': error('No such user (`csm_user_not_found`) or app (`app_not_found`).') },
      },
      delete: {
        ...adminOrKey,
        summary: 'Stop a CSM user seeing an app (admin session, or the secret key of that app)',
        parameters: emailAndApp,
        responses: { '200': userAnswer, ...sessionErrors, '404': error('No such user (`csm_user_not_found`).') },
      },
    },
    '/v1/admin/csm-users/{email}/disable': {
      post: {
        ...session,
        summary: 'Disable a CSM user: no more logins, sessions end at once (admin session only)',
        parameters: [path('email', "The CSM user's email.")],
        responses: { '200': userAnswer, ...sessionErrors, '404': error('No such user (`csm_user_not_found`).') },
      },
    },
  };
}

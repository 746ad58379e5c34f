import { appSchema, eventsQuerySchema, eventsSchema, usageQuerySchema, usageSchema, userStateParamsSchema } from './admin-app.js';
import {
  configPushedSchema,
  configRestoredSchema,
  configVersionQuerySchema,
  configVersionsSchema,
  pushConfigQuerySchema,
  restoreConfigBodySchema,
  storedConfigSchema,
} from './admin-config.js';
import { apiError, json, withErrors, type ApiRoute } from './api-route.js';
import { gateOverridesSchema, overrideBodySchema, overrideChangedSchema } from './gate-overrides.js';
import { appAdmin, adminErrors, adminWriteErrors, bodyErrors } from './route-auth.js';
import { userStateSchema } from './state.js';
import { stuckQuerySchema, stuckUsersSchema } from './stuck-users.js';
import { waymarkConfigSchema } from '../config/config-schema.js';
import { z } from 'zod';

const badQuery = { '400': apiError('A bad query parameter (`invalid_query`).') };
const gateParams = z.object({ key: z.string().describe('The gate key.') });
const noSessionWrites = { '403': 'A CSM session: changing the config needs the secret key (`secret_key_required`).' };
const configTooLarge = '(`config_too_large`).';

/** The app-scoped admin calls: the app, its events and usage, a user's state, config versions, gate overrides and stuck users. */
export const adminRoutes: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/admin/app',
    summary: 'The app of the secret key (or of ?appId= with a CSM session)',
    security: appAdmin,
    responses: withErrors({ '200': json(appSchema, 'The app.') }, adminErrors),
  },
  {
    method: 'get',
    path: '/v1/admin/events',
    summary: 'Recent events, newest received first',
    security: appAdmin,
    query: eventsQuerySchema,
    responses: withErrors({ '200': json(eventsSchema, 'The events.'), ...badQuery }, adminErrors),
  },
  {
    method: 'get',
    path: '/v1/admin/usage',
    summary: 'Usage rollups of an account or a user',
    security: appAdmin,
    query: usageQuerySchema,
    responses: withErrors(
      {
        '200': json(usageSchema, 'Counts, first and last seen by event key; for an account, daily active users too.'),
        '400': apiError('Neither accountId nor userId, or a bad one (`invalid_query`).'),
      },
      adminErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/users/{userId}/state',
    summary: "A user's state, for the vendor's servers",
    security: appAdmin,
    params: userStateParamsSchema,
    responses: withErrors(
      { '200': json(userStateSchema, 'As GET /v1/state (Cache-Control: no-store).'), '400': apiError('A userId over 200 characters (`invalid_query`).') },
      adminErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/config',
    summary: 'The current config, or a version of it',
    security: appAdmin,
    query: configVersionQuerySchema,
    responses: withErrors(
      {
        '200': json(storedConfigSchema, "The document as pushed, in the author's key order (Cache-Control: no-store)."),
        ...badQuery,
        '404': apiError('No such version (`version_not_found`), or no config (`no_config`).'),
      },
      adminErrors,
    ),
  },
  {
    method: 'put',
    path: '/v1/admin/config',
    summary: 'Push a new config version',
    description: "Validated by core's validateConfig; a new version unless it equals the current one. Needs the secret key.",
    security: appAdmin,
    query: pushConfigQuerySchema,
    body: { schema: waymarkConfigSchema },
    responses: withErrors(
      {
        '200': json(configPushedSchema, 'Identical to the current version; nothing new stored.'),
        '201': json(configPushedSchema, 'Stored as a new version.'),
        '400': apiError(
          'Invalid config (`invalid_config`, with `errors: [{path, message}]`), JSON (`invalid_json`, `invalid_utf8`) or note (`invalid_query`).',
        ),
        '413': apiError(`Too large ${configTooLarge}`),
        '415': apiError('Not application/json (`unsupported_content_type`).'),
      },
      adminWriteErrors,
      noSessionWrites,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/config/versions',
    summary: 'Every config version, newest first',
    security: appAdmin,
    responses: withErrors({ '200': json(configVersionsSchema, 'The versions.') }, adminErrors),
  },
  {
    method: 'post',
    path: '/v1/admin/config/restore',
    summary: 'Make an old version current again (as a new version)',
    description: 'Needs the secret key.',
    security: appAdmin,
    body: { schema: restoreConfigBodySchema },
    responses: withErrors(
      {
        '201': json(configRestoredSchema, 'The new version.'),
        '400': apiError('A bad body (`invalid_body`, `invalid_json`, `invalid_utf8`, with `field`).'),
        '404': apiError('No such version (`version_not_found`).'),
        '413': apiError(`A body over 4 KB ${configTooLarge}`),
      },
      adminWriteErrors,
      noSessionWrites,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/gates/{key}/overrides',
    summary: "A gate's overrides in force and their log, newest first",
    security: appAdmin,
    params: gateParams,
    responses: withErrors(
      {
        '200': json(gateOverridesSchema, 'Overrides and log (Cache-Control: no-store).'),
        '404': apiError('No such gate in the current config and no history (`unknown_gate`).'),
      },
      adminErrors,
    ),
  },
  {
    method: 'put',
    path: '/v1/admin/gates/{key}/overrides',
    summary: 'Set or clear a CSM override of a gate for an account or a user',
    security: appAdmin,
    params: gateParams,
    body: { schema: overrideBodySchema },
    responses: withErrors(
      {
        '200': json(overrideChangedSchema, 'The change, as logged.'),
        '400': apiError('A bad body (`invalid_body`, with `field`).'),
        '404': apiError('No such gate in the current config (`unknown_gate`).'),
      },
      adminWriteErrors,
      bodyErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/stuck',
    summary: 'Users marked stuck on a checklist item, longest stuck first',
    description: "Marked when still stuck escalate.afterDays (the item's nudge) after the first `User Stuck` event; cleared when the item is done.",
    security: appAdmin,
    query: stuckQuerySchema,
    responses: withErrors({ '200': json(stuckUsersSchema, 'The users (Cache-Control: no-store).'), ...badQuery }, adminErrors),
  },
];

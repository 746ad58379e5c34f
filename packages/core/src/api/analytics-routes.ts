import { accountDetailSchema, accountParamsSchema } from './account-detail.js';
import { accountUsersQuerySchema, accountUsersSchema } from './account-users.js';
import { apiError, json, withErrors, type ApiRoute } from './api-route.js';
import { cohortsQuerySchema, cohortsSchema } from './cohorts.js';
import { experiencesQuerySchema, experiencesSchema } from './experiences.js';
import { funnelsQuerySchema, funnelsSchema } from './funnels.js';
import { portfolioCsvQuerySchema, portfolioFilterSchema, portfolioPageSchema } from './portfolio.js';
import { appAdmin, adminErrors } from './route-auth.js';

const badQuery = { '400': apiError('A bad query parameter (`invalid_query`, with `field`).') };

/** The CSM's reads of account analytics: portfolio (JSON and CSV), account summary and users, cohort curves, funnels, experiences. */
export const analyticsRoutes: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/admin/portfolio',
    summary: "The app's accounts with day N of 90, health, trend, flags, owner and next goal; filtered, sorted, paged",
    security: appAdmin,
    query: portfolioFilterSchema,
    responses: withErrors({ '200': json(portfolioPageSchema, 'A page of accounts (Cache-Control: no-store).'), ...badQuery }, adminErrors),
  },
  {
    method: 'get',
    path: '/v1/admin/portfolio.csv',
    summary: 'The portfolio as CSV (every matching account; same filters and sort)',
    security: appAdmin,
    query: portfolioCsvQuerySchema,
    responses: withErrors(
      { '200': { description: 'RFC 4180 CSV; cells starting with = + - @ are prefixed with a quote.', media: ['text/csv'] }, ...badQuery },
      adminErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/accounts/{accountId}',
    summary:
      "An account's summary: milestones vs target days, daily active users and seat activation, health with components, driver and 7-day change, flags, health history",
    security: appAdmin,
    params: accountParamsSchema,
    responses: withErrors(
      {
        '200': json(accountDetailSchema, 'The summary (Cache-Control: no-store).'),
        '400': apiError('An accountId over 200 characters (`invalid_query`).'),
        '404': apiError('No summary of this account (`account_not_found`).'),
      },
      adminErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/accounts/{accountId}/users',
    summary: "An account's users with their checklist progress and stuck state, most recently seen first",
    security: appAdmin,
    params: accountParamsSchema,
    query: accountUsersQuerySchema,
    responses: withErrors({ '200': json(accountUsersSchema, 'The users (Cache-Control: no-store).'), ...badQuery }, adminErrors),
  },
  {
    method: 'get',
    path: '/v1/admin/cohorts',
    summary: 'Cohort curves: the share of accounts reaching each milestone by day D, by start week',
    security: appAdmin,
    query: cohortsQuerySchema,
    responses: withErrors(
      { '200': json(cohortsSchema, 'Newest week first; a share is null once no account of the cohort has lived to that day.'), ...badQuery },
      adminErrors,
    ),
  },
  {
    method: 'get',
    path: '/v1/admin/funnels',
    summary: 'Guide funnels and checklist completion, for the app or one account',
    security: appAdmin,
    query: funnelsQuerySchema,
    responses: withErrors({ '200': json(funnelsSchema, 'The funnels (Cache-Control: no-store).'), ...badQuery }, adminErrors),
  },
  {
    method: 'get',
    path: '/v1/admin/experiences',
    summary: 'Guides and announcements: reach, auto-started, completion or click-through, and the goal or feature adoption that followed within N days',
    security: appAdmin,
    query: experiencesQuerySchema,
    responses: withErrors({ '200': json(experiencesSchema, 'The report (Cache-Control: no-store).'), ...badQuery }, adminErrors),
  },
];

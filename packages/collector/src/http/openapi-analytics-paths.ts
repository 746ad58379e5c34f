type Json = Record<string, unknown>;

const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => json({ $ref: '#/components/schemas/Error' }, description);
const query = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({ name, in: 'query', required: false, description, schema });
const accountId: Json = { name: 'accountId', in: 'path', required: true, description: 'The account (groupId).', schema: { type: 'string' } };
const admin = { security: [{ secretKey: [] }, { csmSession: [] }] };
const authErrors = {
  '401': error('No secret key and no CSM session, or a public key (`missing_key`, `invalid_key`, `secret_key_required`, `not_logged_in`).'),
  '404': error('A CSM session naming an app the CSM may not see (`app_not_found`).'),
};
const badQuery = { '400': error('A bad query parameter (`invalid_query`, with `field`).') };
const num = { type: ['number', 'null'] };
const flag: Json = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    kind: { enum: ['no-activity', 'went-quiet', 'usage-drop', 'few-seats-active', 'milestone-overdue', 'health-falling', 'users-stuck'] },
    since: { type: 'string', format: 'date-time', description: 'The start of the account day its condition began on.' },
    milestone: { type: 'string' },
    reason: { type: 'string', description: 'Why, in words: "no one active for 12 days".' },
    facts: { type: 'object', additionalProperties: { type: 'number' }, description: 'What it measured on the last day it held (docs/metrics.md).' },
  },
};
const clearedFlag: Json = { ...flag, properties: { ...(flag['properties'] as Json), clearedAt: { type: 'string', format: 'date-time', description: 'The start of the account day it no longer held on.' } } };
const stages = ['onboarding', 'adopting', 'adopted', 'at-risk', 'graduated'];
const portfolioAccount: Json = {
  type: 'object',
  properties: {
    accountId: { type: 'string' },
    name: { type: 'string' },
    day: { type: 'integer', description: 'Account day: day N of 90 while phase is onboarding.' },
    phase: { enum: ['onboarding', 'graduated'] },
    stage: { enum: [...stages, null], description: 'Lifecycle stage (docs/metrics.md#lifecycle-stage).' },
    health: num,
    band: { enum: ['red', 'yellow', 'green', null] },
    change7d: num,
    trend: { type: 'array', items: num, description: 'The last 14 daily scores, oldest first.' },
    driver: { type: ['string', 'null'], description: 'The risk flag holding the score down, else the health component that cost the most points.' },
    reason: { type: ['string', 'null'], description: 'The driver in words.' },
    flags: { type: 'array', items: flag, description: 'Open flags, most pressing first.' },
    owner: { type: ['string', 'null'] },
    segment: { type: ['string', 'null'] },
    seats: num,
    seatActivation: num,
    nextGoal: { type: ['object', 'null'], properties: { milestone: { type: 'string' }, targetDay: { type: 'integer' }, due: { type: 'string', format: 'date' } } },
    startAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
const filters = [
  query('dayMin', 'Only accounts on this account day or later.', { type: 'integer', minimum: 0 }),
  query('dayMax', 'Only accounts on this account day or earlier.', { type: 'integer', minimum: 0 }),
  query('band', 'Only this health band.', { enum: ['red', 'yellow', 'green'] }),
  query('flag', 'Only accounts with this flag raised: a kind (`milestone-overdue`) or a key (`milestone-overdue:activated`).'),
  query('stage', 'Only this lifecycle stage.', { enum: stages }),
  query('owner', 'Only this CSM owner (trait csmOwner, else owner).'),
  query('segment', 'Only this segment (trait segment, else plan).'),
  query('sort', 'Sort key (default health).', { enum: ['day', 'health', 'change', 'name'] }),
  query('order', 'Default: day desc, health asc, change asc, name asc. Nulls always last.', { enum: ['asc', 'desc'] }),
];

/** The OpenAPI paths of the account analytics routes (docs/api.md, "Account analytics"). */
export function openApiAnalyticsPaths(): Json {
  return {
    '/v1/admin/portfolio': {
      get: {
        ...admin,
        summary: "The app's accounts with day N of 90, health, trend, flags, owner and next goal; filtered, sorted, paged",
        parameters: [...filters, query('page', '1-based, default 1.', { type: 'integer', minimum: 1 }), query('limit', '1 to 200, default 50.', { type: 'integer', minimum: 1, maximum: 200 })],
        responses: {
          '200': json(
            { type: 'object', properties: { accounts: { type: 'array', items: portfolioAccount }, page: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' }, pages: { type: 'integer' }, sort: { type: 'string' } } },
            'A page of accounts (Cache-Control: no-store).',
          ),
          ...badQuery,
          ...authErrors,
        },
      },
    },
    '/v1/admin/portfolio.csv': {
      get: {
        ...admin,
        summary: 'The portfolio as CSV (every matching account; same filters and sort)',
        parameters: filters,
        responses: { '200': { description: 'RFC 4180 CSV; cells starting with = + - @ are prefixed with a quote.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...badQuery, ...authErrors },
      },
    },
    '/v1/admin/accounts/{accountId}': {
      get: {
        ...admin,
        summary: "An account's summary: milestones vs target days, daily active users and seat activation, health with components, driver and 7-day change, flags, health history",
        parameters: [accountId],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                account: { type: 'object' },
                health: { type: 'object' },
                metrics: { type: 'object' },
                series: {
                  type: 'object',
                  properties: {
                    fromDay: { type: 'integer' },
                    activeUsers: { type: 'array', items: { type: 'integer' } },
                    seatActivation: { type: 'array', items: num },
                    seatsActive28: { type: 'array', items: num },
                    usageVsBaseline: { type: 'array', items: num },
                    minutes: { type: 'array', items: num },
                  },
                },
                milestones: { type: 'array', items: { type: 'object' } },
                nextGoal: { type: ['object', 'null'] },
                flags: { type: 'array', items: flag },
                clearedFlags: { type: 'array', items: clearedFlag, description: 'The flag history: the last 200 stretches that ended, latest first.' },
                history: { type: 'array', items: { type: 'object', properties: { day: { type: 'integer' }, date: { type: 'string', format: 'date' }, health: num, band: { type: ['string', 'null'] } } } },
              },
            },
            'The summary (Cache-Control: no-store).',
          ),
          ...authErrors,
          '404': error('No summary of this account (`account_not_found`), or an app the CSM may not see (`app_not_found`).'),
        },
      },
    },
    '/v1/admin/accounts/{accountId}/users': {
      get: {
        ...admin,
        summary: "An account's users with their checklist progress and stuck state, most recently seen first",
        parameters: [accountId, query('limit', '1 to 500, default 100.', { type: 'integer', minimum: 1, maximum: 500 }), query('offset', 'Default 0.', { type: 'integer', minimum: 0 })],
        responses: { '200': json({ type: 'object', properties: { users: { type: 'array', items: { type: 'object' } }, total: { type: 'integer' } } }, 'The users.'), ...badQuery, ...authErrors },
      },
    },
    '/v1/admin/cohorts': {
      get: {
        ...admin,
        summary: 'Cohort curves: the share of accounts reaching each milestone by day D, by start week',
        parameters: [
          query('days', 'Days of each curve, 1 to 365, default 90.', { type: 'integer', minimum: 1, maximum: 365 }),
          query('weeks', 'Most recent start weeks, 1 to 104, default 26.', { type: 'integer', minimum: 1, maximum: 104 }),
          query('milestone', 'Only this milestone.'),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                days: { type: 'integer' },
                cohorts: {
                  type: 'array',
                  items: { type: 'object', properties: { week: { type: 'string', format: 'date' }, accounts: { type: 'integer' }, milestones: { type: 'object', additionalProperties: { type: 'array', items: num } } } },
                },
              },
            },
            'Newest week first; a share is null once no account of the cohort has lived to that day.',
          ),
          ...badQuery,
          ...authErrors,
        },
      },
    },
    '/v1/admin/funnels': {
      get: {
        ...admin,
        summary: 'Guide funnels and checklist completion, for the app or one account',
        parameters: [query('accountId', 'Only this account.'), query('from', 'Guide events at or after (ISO date-time).'), query('to', 'Guide events before (ISO date-time).')],
        responses: { '200': json({ type: 'object', properties: { guides: { type: 'array', items: { type: 'object' } }, checklists: { type: 'array', items: { type: 'object' } } } }, 'The funnels.'), ...badQuery, ...authErrors },
      },
    },
  };
}

import { z } from 'zod';
import { apiError, json, type ApiRoute } from './api-route.js';
import { healthSchema, unhealthySchema } from './health.js';

const notModified = { description: 'Not modified.' };

/** What the collector serves besides the API: this document, the SDK and dashboard builds, and its health. */
export const servingRoutes: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    security: [],
    responses: { '200': json(z.record(z.string(), z.unknown()), 'OpenAPI 3.1.') },
  },
  {
    method: 'get',
    path: '/sdk/{file}',
    summary: 'The browser SDK build (waymark.js, snippet.min.js, ...)',
    security: [],
    params: z.object({ file: z.string().describe('A file of the build, e.g. waymark.js.') }),
    responses: {
      '200': { description: 'JavaScript (a .map file: its source map), with ETag and Cache-Control.', media: ['text/javascript', 'application/json'] },
      '304': notModified,
      '404': apiError('No such file (`not_found`).'),
    },
  },
  {
    method: 'get',
    path: '/dashboard',
    summary: 'The CSM dashboard (HTML; see docs/dashboard.md)',
    security: [],
    responses: {
      '200': { description: 'index.html, with a strict Content-Security-Policy.', media: ['text/html'] },
      '304': notModified,
      '404': apiError('The dashboard is not built (`not_found`).'),
    },
  },
  {
    method: 'get',
    path: '/dashboard/{path}',
    summary: 'A dashboard build file (app.js, app.css), or index.html for any client route (/dashboard/accounts/...)',
    security: [],
    params: z.object({ path: z.string().describe('A build file, or a client route.') }),
    responses: {
      '200': { description: 'The file, with ETag and a strict Content-Security-Policy.', media: ['text/html', 'text/javascript', 'text/css'] },
      '304': notModified,
      '404': apiError('No such build file (`not_found`).'),
    },
  },
  {
    method: 'get',
    path: '/healthz',
    summary: 'Health of the collector and its database',
    security: [],
    responses: { '200': json(healthSchema, 'Healthy.'), '503': json(unhealthySchema, 'The database does not answer.') },
  },
];

import { adminRoutes } from './admin-routes.js';
import { alertRoutes } from './alert-routes.js';
import { analyticsRoutes } from './analytics-routes.js';
import type { ApiRoute } from './api-route.js';
import { authRoutes } from './auth-routes.js';
import { browserRoutes } from './browser-routes.js';
import { servingRoutes } from './serving-routes.js';

/** Every route of the collector's HTTP API, with a zod schema for what it takes and answers: the contract the OpenAPI document is generated from. */
export const apiRoutes: readonly ApiRoute[] = [...browserRoutes, ...adminRoutes, ...analyticsRoutes, ...authRoutes, ...alertRoutes, ...servingRoutes];

import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppLookup } from './app-lookup.js';
import type { KeyMatch } from './apps.js';
import { browserCors } from './browser-cors.js';
import { browserKey } from './browser-key.js';
import type { CollectorEnv } from '../http/env.js';
import { parseQuery } from '../http/parse-query.js';

/**
 * A `GET /` for browsers (CORS for the app's origins) and servers: authenticates the key
 * (`browserKey`), parses the query with `schema`, and hands both to `answer`.
 */
export function browserGetRoute<Q>(
  lookup: AppLookup,
  schema: z.ZodType<Q>,
  answer: (c: Context<CollectorEnv>, found: KeyMatch, q: Q) => Promise<Response>,
): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  route.use('*', browserCors());
  route.get('/', async (c) => {
    const found = await browserKey(c, lookup);
    return answer(c, found, parseQuery(schema, c.req.query()));
  });
  return route;
}

import type { Context } from 'hono';
import type { KeyMatch } from './apps.js';
import type { AppLookup } from './app-lookup.js';
import { authenticateKey } from './authenticate-key.js';
import type { CollectorEnv } from '../http/env.js';
import { keyFromAuthorization } from './write-key.js';

/**
 * Authenticates a browser GET: the key from `?key=` (what the SDK sends, so no custom header and
 * no preflight) or the Authorization header; a public key must come with an allowed Origin.
 * Sets the `app` variable so `browserCors` can answer with the right origin.
 */
export async function browserKey(c: Context<CollectorEnv>, lookup: AppLookup): Promise<KeyMatch> {
  const key = c.req.query('key') || keyFromAuthorization(c.req.header('authorization'));
  const found = await authenticateKey(lookup, key, c.req.header('origin'), ['public', 'secret']);
  c.set('app', found.app);
  c.set('keyKind', found.kind);
  return found;
}

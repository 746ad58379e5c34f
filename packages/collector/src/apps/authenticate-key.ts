import type { AppLookup } from './app-lookup.js';
import type { KeyMatch } from './apps.js';
import { originAllowed } from './origin-allowed.js';
import { ApiError } from '../http/api-error.js';
import type { KeyKind } from '../http/env.js';

/**
 * Finds the app of a key and checks it may be used here: secret keys anywhere they are
 * accepted; public keys only where allowed and only from a browser on one of the app's origins.
 */
export async function authenticateKey(lookup: AppLookup, key: string | undefined, origin: string | undefined, accepts: readonly KeyKind[]): Promise<KeyMatch> {
  const wanted = accepts.includes('public') ? 'a public key (pk_...) or secret key (sk_...)' : "the app's secret key (sk_...)";
  if (!key) throw new ApiError(401, 'missing_key', `no key: send ${wanted} as "writeKey" in the body, as the Basic auth user name, or as a Bearer token`);
  const found = await lookup(key);
  if (!found) throw new ApiError(401, 'invalid_key', `the key ${key.slice(0, 6)}... is not a key of any app here (was it rotated?)`);
  if (!accepts.includes(found.kind)) {
    throw new ApiError(
      401,
      'secret_key_required',
      `this endpoint needs ${wanted}; a public key only sends events and reads config and user state from browsers`,
    );
  }
  if (found.kind === 'public') {
    if (!origin) {
      throw new ApiError(403, 'origin_required', 'public keys are for browsers and need an Origin header; from a server, use the secret key');
    }
    if (!originAllowed(origin, found.app.origins)) {
      throw new ApiError(
        403,
        'origin_not_allowed',
        `the origin ${origin} is not allowed for this app; add it with "waymark-collector apps origins ${found.app.appId} --origin ${origin}"`,
      );
    }
  }
  return found;
}

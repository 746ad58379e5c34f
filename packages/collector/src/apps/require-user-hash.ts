import { ApiError } from '../http/api-error.js';
import { userHashValid } from './user-hash.js';

/**
 * Refuses (401 invalid_user_hash) a userId whose userHash does not prove it with the app's secret
 * key; `missing` tells the caller what to send when no userHash came.
 */
export function requireUserHash(secretKey: string | null, userId: string, userHash: unknown, missing: string): void {
  if (secretKey !== null && userHashValid(secretKey, userId, userHash)) return;
  throw new ApiError(
    401,
    'invalid_user_hash',
    userHash === undefined ? missing : 'userHash does not match userId (it must be hex(HMAC-SHA256(secret key, userId)) with the current secret key)',
    'userHash',
  );
}

import { createHmac } from 'node:crypto';
import { sameSecret } from './keys.js';

/** The identity-verification hash of a userId: hex(HMAC-SHA256(secretKey, userId)), what the vendor's server computes. */
export function userHashFor(secretKey: string, userId: string): string {
  return createHmac('sha256', secretKey).update(userId, 'utf8').digest('hex');
}

/** Whether `userHash` proves `userId` for this secret key (constant-time; hex in either case). */
export function userHashValid(secretKey: string, userId: string, userHash: unknown): boolean {
  return typeof userHash === 'string' && sameSecret(userHashFor(secretKey, userId), userHash.toLowerCase());
}

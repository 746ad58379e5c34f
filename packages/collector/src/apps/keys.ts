import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyKind } from '../http/env.js';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 string (rejection sampling, so every character is equally likely). */
export function randomToken(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
    }
  }
  return out;
}

/** A fresh key: `pk_...` for browsers, `sk_...` for servers. */
export function newKey(kind: KeyKind): string {
  return kind === 'public' ? `pk_${randomToken(24)}` : `sk_${randomToken(40)}`;
}

/** Secret keys are stored only as this hash. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string comparison for credentials. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

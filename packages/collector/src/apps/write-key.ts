import { ApiError } from '../http/api-error.js';

/**
 * The write key from an `Authorization` header: Basic (the key as user name, Segment's
 * convention, password empty) or Bearer. Undefined when there is no such header.
 */
export function keyFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? '')) return value;
  if (/^basic$/i.test(scheme ?? '')) {
    let decoded: string;
    try {
      decoded = Buffer.from(value, 'base64').toString('utf8');
    } catch {
      throw new ApiError(401, 'invalid_authorization', 'the Basic Authorization header is not valid base64');
    }
    const colon = decoded.indexOf(':');
    return colon === -1 ? decoded : decoded.slice(0, colon);
  }
  throw new ApiError(401, 'invalid_authorization', 'the Authorization header must be "Basic <base64(key:)>" or "Bearer <key>"');
}

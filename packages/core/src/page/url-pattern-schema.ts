import { z } from 'zod';

// `/app/projects/:id`, `/app/*`, `/`: literal segments, `:name` parameters, a `*` segment; then
// optionally a hash route written the same way (`/#/active`, `/app#/settings/:tab`).
const pathPattern = String.raw`\/(?:(?:[A-Za-z0-9\-._~%!$&'()+,;=@]+|:[A-Za-z_][A-Za-z0-9_]*|\*)(?:\/(?:[A-Za-z0-9\-._~%!$&'()+,;=@]+|:[A-Za-z_][A-Za-z0-9_]*|\*))*\/?)?`;
/** The shape of a URL path pattern. */
export const urlPattern = new RegExp(`^${pathPattern}(?:#${pathPattern})?$`);

/** A URL path pattern (what `matchUrlPattern` matches): guide steps' `url` and page conditions. */
export const urlPatternSchema = z
  .string()
  .max(500, 'must be at most 500 characters')
  .regex(urlPattern, 'must be a URL path pattern such as "/app/projects/:id", "/app/*" or "/#/active"');

import { limits } from '@waymark/core';
import type { Properties } from './types.js';
import { warn } from './debug.js';

/** A userId or groupId the collector accepts: a non-empty string or a finite number. */
export const isId = (v: unknown): v is string | number =>
  (typeof v === 'string' && v !== '' && v.length <= limits.maxIdLength) || (typeof v === 'number' && Number.isFinite(v));

/** An event name the collector accepts. */
export const isName = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= limits.maxEventNameLength;

/** Optional properties or traits: a plain object, or nothing. */
export const isProps = (v: unknown): v is Properties | null | undefined => v == null || (typeof v === 'object' && !Array.isArray(v));

/** Reports a call dropped for bad arguments (debug build only; silent in production). */
export function invalid(method: string, args: unknown[]): void {
  if (typeof __DEBUG__ !== 'undefined' && __DEBUG__) warn(`${method}(): invalid arguments, call dropped`, args);
}

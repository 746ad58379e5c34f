import { localDay } from './local-day.js';

/**
 * The account's day number at `nowMs`: 0 on the calendar day of `startMs`, 1 on the next calendar
 * day, and so on, with calendar days taken in the account's IANA time zone (UTC when none is given
 * or the name is not a zone). Never negative: a `nowMs` before the start (clock skew) is day 0.
 */
export function accountDay(startMs: number, nowMs: number, timeZone?: string): number {
  return Math.max(0, localDay(nowMs, timeZone) - localDay(startMs, timeZone));
}

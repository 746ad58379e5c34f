const dayMs = 86_400_000;

// The calendar date of `ms` in `timeZone`, as whole days since 1970-01-01 (a day number).
function localDayNumber(ms: number, timeZone: string): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  } catch {
    // An unknown or malformed zone name: count in UTC rather than fail the whole summary.
    return Math.floor(ms / dayMs);
  }
  let year = 1970;
  let month = 1;
  let day = 1;
  for (const part of format.formatToParts(ms)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return Math.floor(Date.UTC(year, month - 1, day) / dayMs);
}

/**
 * The account's day number at `nowMs`: 0 on the calendar day of `startMs`, 1 on the next calendar
 * day, and so on, with calendar days taken in the account's IANA time zone (UTC when none is given
 * or the name is not a zone). Never negative: a `nowMs` before the start (clock skew) is day 0.
 */
export function accountDay(startMs: number, nowMs: number, timeZone?: string): number {
  const zone = timeZone ?? 'UTC';
  return Math.max(0, localDayNumber(nowMs, zone) - localDayNumber(startMs, zone));
}

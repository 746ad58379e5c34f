const dayMs = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat | null>();

// One formatter per zone: building one is far slower than using it, and a summary needs many.
function formatFor(timeZone: string): Intl.DateTimeFormat | null {
  let format = formats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      format = null;
    }
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar date of `ms` in `timeZone` as whole days since 1970-01-01 (UTC when the zone is
 * unknown), what `accountDay` counts with: `accountDay(start, now, zone)` is
 * `localDay(now, zone) - localDay(start, zone)`, floored at 0. An unknown or malformed zone name
 * counts in UTC rather than failing a whole summary.
 */
export function localDay(ms: number, timeZone: string | undefined): number {
  const format = timeZone === undefined ? null : formatFor(timeZone);
  if (format === null) return Math.floor(ms / dayMs);
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
 * When the calendar day `day` (as `localDay` counts it) begins in `timeZone`: the first
 * millisecond `ms` with `localDay(ms, timeZone) >= day`. Found by bisection over the hours around
 * UTC midnight, so it is right across daylight-saving changes and any zone offset.
 */
export function localDayStart(day: number, timeZone: string | undefined): number {
  let low = day * dayMs - 16 * 3_600_000;
  let high = day * dayMs + 16 * 3_600_000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localDay(mid, timeZone) >= day) high = mid;
    else low = mid;
  }
  return high;
}

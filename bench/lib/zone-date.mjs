// Calendar dates in a time zone, for the early-warning benchmark's population and scorer.

const dayMs = 86_400_000;

/** Milliseconds a zone's wall clock is ahead of UTC at the instant `utcMs` (0 for UTC or no zone). */
export function zoneOffsetMs(timeZone, utcMs) {
  if (!timeZone || timeZone === 'UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(utcMs);
  const n = Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
  return Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute) - Math.floor(utcMs / 60_000) * 60_000;
}

/** The local calendar date (whole days since 1970-01-01) of the instant `ms` in `timeZone`. */
export function localDateNumber(ms, timeZone) {
  return Math.floor((ms + zoneOffsetMs(timeZone, ms)) / dayMs);
}

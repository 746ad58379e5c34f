const dayMs = 86_400_000;
const weekMs = 7 * dayMs;

// Monday 00:00 UTC of ISO week 1 of `year` (the week with January 4th).
const weekOne = (year: number) => {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * dayMs;
};

/** The ISO week label (e.g. "2026-W10") of the UTC week holding `ms`. */
export function isoWeekLabel(ms: number): string {
  const monday = Math.floor(ms / dayMs) * dayMs - ((new Date(ms).getUTCDay() + 6) % 7) * dayMs;
  // The ISO year is the year of the week's Thursday.
  const year = new Date(monday + 3 * dayMs).getUTCFullYear();
  const week = Math.round((monday - weekOne(year)) / weekMs) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The bounds of an ISO week (Monday 00:00 UTC to the next Monday), from its label, or by default
 * the last complete week before `now`. Undefined for a label that names no week (e.g. 2026-W54).
 */
export function digestWeek(label: string | undefined, now: number): { label: string; start: string; end: string } | undefined {
  let start: number;
  if (label === undefined) {
    start = Date.parse(weekStartIso(now - weekMs));
  } else {
    const m = /^(\d{4})-W(\d{2})$/.exec(label);
    if (!m) return undefined;
    start = weekOne(Number(m[1])) + (Number(m[2]) - 1) * weekMs;
    if (Number(m[2]) < 1 || isoWeekLabel(start) !== label) return undefined;
  }
  return { label: isoWeekLabel(start), start: new Date(start).toISOString(), end: new Date(start + weekMs).toISOString() };
}

/** Monday 00:00 UTC of the week holding `ms`, as ISO. */
export function weekStartIso(ms: number): string {
  return new Date(Math.floor(ms / dayMs) * dayMs - ((new Date(ms).getUTCDay() + 6) % 7) * dayMs).toISOString();
}

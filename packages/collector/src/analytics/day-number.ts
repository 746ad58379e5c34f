// Day numbers: whole days since 1970-01-01 (see core's localDay), and their ISO dates.
const dayMs = 86_400_000;

/** A day number (days since 1970-01-01) as `YYYY-MM-DD`. */
export const dayNumberToDate = (n: number): string => new Date(n * dayMs).toISOString().slice(0, 10);

/** `YYYY-MM-DD` as a day number. */
export const dateToDayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / dayMs);

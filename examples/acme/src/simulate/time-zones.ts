/** Time zones of simulated accounts with their standard UTC offsets in minutes (DST is ignored: an hour off half the year is fine here). */
export const timeZones: ReadonlyArray<{ name: string; offsetMinutes: number; weight: number }> = [
  { name: 'America/Los_Angeles', offsetMinutes: -480, weight: 3 },
  { name: 'America/Chicago', offsetMinutes: -360, weight: 2 },
  { name: 'America/New_York', offsetMinutes: -300, weight: 4 },
  { name: 'America/Sao_Paulo', offsetMinutes: -180, weight: 1 },
  { name: 'Europe/London', offsetMinutes: 0, weight: 3 },
  { name: 'Europe/Berlin', offsetMinutes: 60, weight: 3 },
  { name: 'Europe/Paris', offsetMinutes: 60, weight: 1 },
  { name: 'Asia/Kolkata', offsetMinutes: 330, weight: 1 },
  { name: 'Asia/Singapore', offsetMinutes: 480, weight: 1 },
  { name: 'Australia/Sydney', offsetMinutes: 600, weight: 1 },
];

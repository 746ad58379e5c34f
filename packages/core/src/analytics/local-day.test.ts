import { describe, expect, it } from 'vitest';
import { localDay, localDayStart } from './local-day.js';

describe('localDayStart', () => {
  it('is the first millisecond of a calendar day in the zone, across daylight saving and unknown zones', () => {
    const cases: Array<[string | undefined, string, string]> = [
      [undefined, '2026-03-10', '2026-03-10T00:00:00.000Z'],
      ['Europe/Berlin', '2026-03-10', '2026-03-09T23:00:00.000Z'],
      // Summer time starts on 29 March in Berlin: midnight is UTC+1 on the 29th and UTC+2 on the 30th.
      ['Europe/Berlin', '2026-03-30', '2026-03-29T22:00:00.000Z'],
      ['America/Los_Angeles', '2026-11-02', '2026-11-02T08:00:00.000Z'],
      ['Asia/Kolkata', '2026-01-01', '2025-12-31T18:30:00.000Z'],
      ['Pacific/Kiritimati', '2026-01-01', '2025-12-31T10:00:00.000Z'],
      ['Not/AZone', '2026-03-10', '2026-03-10T00:00:00.000Z'],
    ];
    for (const [zone, date, expected] of cases) {
      const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
      const begins = localDayStart(day, zone);
      expect(new Date(begins).toISOString(), `${zone} ${date}`).toBe(expected);
      expect(localDay(begins, zone)).toBe(day);
      expect(localDay(begins - 1, zone)).toBe(day - 1);
    }
  });
});

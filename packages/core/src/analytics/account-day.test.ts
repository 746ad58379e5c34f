import { describe, expect, it } from 'vitest';
import { accountDay } from './account-day.js';

describe('accountDay', () => {
  const start = Date.UTC(2026, 2, 10, 23, 30); // 10 March, 23:30 UTC

  it('counts calendar days in UTC by default, not elapsed 24-hour periods', () => {
    expect(accountDay(start, start)).toBe(0);
    expect(accountDay(start, Date.UTC(2026, 2, 10, 23, 59))).toBe(0);
    // 31 minutes later it is 11 March in UTC: day 1.
    expect(accountDay(start, Date.UTC(2026, 2, 11, 0, 1))).toBe(1);
    expect(accountDay(start, Date.UTC(2026, 3, 9, 12))).toBe(30);
  });

  it('counts in the account time zone when given', () => {
    // 23:30 UTC on 10 March is 08:30 on 11 March in Tokyo (UTC+9): that is Tokyo's day 0.
    expect(accountDay(start, Date.UTC(2026, 2, 11, 14, 59), 'Asia/Tokyo')).toBe(0);
    expect(accountDay(start, Date.UTC(2026, 2, 11, 15, 0), 'Asia/Tokyo')).toBe(1);
    // In New York (UTC-4 from 8 March 2026) the start is 19:30 on 10 March.
    expect(accountDay(start, Date.UTC(2026, 2, 11, 3, 59), 'America/New_York')).toBe(0);
    expect(accountDay(start, Date.UTC(2026, 2, 11, 4, 0), 'America/New_York')).toBe(1);
  });

  it('is not thrown off by a daylight-saving change (a 23-hour day)', () => {
    // Europe/Berlin springs forward on 29 March 2026. Start at local midnight on 28 March (23:00 UTC on the 27th).
    const berlinStart = Date.UTC(2026, 2, 27, 23, 0);
    // Local midnight on 30 March is 22:00 UTC on the 29th: two calendar days, although only 47 hours passed.
    expect(accountDay(berlinStart, Date.UTC(2026, 2, 29, 22, 0), 'Europe/Berlin')).toBe(2);
    expect(accountDay(berlinStart, Date.UTC(2026, 2, 29, 21, 59), 'Europe/Berlin')).toBe(1);
  });

  it('falls back to UTC for an invalid zone and never goes negative', () => {
    expect(accountDay(start, Date.UTC(2026, 2, 11, 0, 1), 'Mars/Olympus_Mons')).toBe(1);
    expect(accountDay(start, Date.UTC(2026, 2, 11, 0, 1), '')).toBe(1);
    expect(accountDay(start, start - 3 * 86_400_000)).toBe(0);
  });
});

import type { DailyActiveUsers } from './daily-active-users.js';

/** Users active recently and their share of the seats. */
export interface RecentSeats {
  /** Distinct users active on days `day − 6` to `day`. */
  active7: number;
  /** Distinct users active on days `day − 27` to `day`. */
  active28: number;
  /** `active7 / seats`; undefined when the seats are unknown. */
  share7: number | undefined;
  /** `active28 / seats`; undefined when the seats are unknown. */
  share28: number | undefined;
}

/**
 * Seats in use now, as opposed to seat activation (ever): distinct active users over the last 7 and
 * 28 days up to account day `day` (never before day 0), and their share of `seats` (a positive
 * number; anything else leaves the shares undefined). Not capped: more users than seats gives a
 * share above 1.
 */
export function recentSeats(daily: DailyActiveUsers, day: number, seats: number | undefined): RecentSeats {
  const week = new Set<string>();
  const month = new Set<string>();
  for (let d = Math.max(0, day - 27); d <= day; d++) {
    for (const u of daily.get(d) ?? []) {
      month.add(u);
      if (d > day - 7) week.add(u);
    }
  }
  const known = seats !== undefined && Number.isFinite(seats) && seats > 0;
  return {
    active7: week.size,
    active28: month.size,
    share7: known ? week.size / seats : undefined,
    share28: known ? month.size / seats : undefined,
  };
}

import type { DailyActiveUsers } from './daily-active-users.js';

/** Distinct active users over the last 1, 7 and 30 days, and stickiness. */
export interface ActiveUsers {
  /** Users active on `day`. */
  dau: number;
  /** Distinct users active on days `day - 6` to `day`. */
  wau: number;
  /** Distinct users active on days `day - 29` to `day`. */
  mau: number;
  /** Average daily active users over the MAU window divided by MAU; undefined when MAU is 0. */
  stickiness: number | undefined;
}

function distinct(daily: DailyActiveUsers, from: number, to: number): Set<string> {
  const users = new Set<string>();
  for (let d = Math.max(0, from); d <= to; d++) for (const u of daily.get(d) ?? []) users.add(u);
  return users;
}

/**
 * DAU, WAU, MAU and stickiness of an account on account day `day`. Windows never reach before
 * day 0, so a young account's stickiness averages over the days it has had (day 3: 4 days), not 30.
 */
export function activeUsers(daily: DailyActiveUsers, day: number): ActiveUsers {
  const mauFrom = Math.max(0, day - 29);
  const mau = distinct(daily, mauFrom, day).size;
  let dailySum = 0;
  for (let d = mauFrom; d <= day; d++) dailySum += daily.get(d)?.size ?? 0;
  const averageDau = dailySum / (day - mauFrom + 1);
  return {
    dau: daily.get(day)?.size ?? 0,
    wau: distinct(daily, day - 6, day).size,
    mau,
    stickiness: mau === 0 ? undefined : averageDau / mau,
  };
}

/**
 * Who was active on each account day: account day (see `accountDay`) → ids of the users with at
 * least one core event that day. Days with nobody active may be missing.
 */
export type DailyActiveUsers = ReadonlyMap<number, ReadonlySet<string>>;

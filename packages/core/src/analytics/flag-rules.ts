/** Thresholds of `evaluateFlags`. */
export interface FlagRules {
  /** `no-activity`: raised once this many days (days 0 to n - 1) are over without any active user. */
  noActivityDays: number;
  /** `low-seat-activation`: from this account day on, seat activation must be at least `seatActivationMin`. */
  seatActivationDay: number;
  seatActivationMin: number;
  /** `usage-drop`: the last 7 complete days at most `1 - usageDrop` of the 7 before… */
  usageDrop: number;
  /** …and those 7 days had at least this many active user-days (so 2 → 1 is not a collapse). */
  usageMinBase: number;
  /** `health-falling`: the score fell on each of this many days in a row. */
  healthFallingDays: number;
}

/** Defaults: no one in the first week, under half the seats by day 30, usage halved week over week (from 10+ user-days), health down 7 days running. */
export const defaultFlagRules: FlagRules = {
  noActivityDays: 7,
  seatActivationDay: 30,
  seatActivationMin: 0.5,
  usageDrop: 0.5,
  usageMinBase: 10,
  healthFallingDays: 7,
};

/** Thresholds of the early-warning flags (see `accountTimeline` and docs/metrics.md). */
export interface FlagRules {
  /** `no-activity`: raised once this many days (days 0 to n − 1) are over without any active user. */
  noActivityDays: number;
  /** `went-quiet`: nobody active for at least this many whole days… */
  quietMinDays: number;
  /** …and either that silence is unlikely for the account (see `significance`) or it has lasted this many days. */
  quietMaxDays: number;
  /** `usage-drop`: active user-days at most `1 − usageDrop` of the account's usual level for those days… */
  usageDrop: number;
  /** …where the usual level is at least this many active user-days (so 2 → 0 is not a collapse)… */
  usageMinBase: number;
  /** …held until the last 7 days are back to this share of the level before the drop. */
  usageRecover: number;
  /** `went-quiet` and `usage-drop`: how unlikely (Poisson) the silence or the drop must be by chance. */
  significance: number;
  /** `few-seats-active`: from this account day on, at least `seatsActiveMin` of the seats active in the last 28 days. */
  seatsDay: number;
  seatsActiveMin: number;
  /** `health-falling`: the score fell on each of this many days in a row. */
  healthFallingDays: number;
}

/** Defaults, chosen with `pnpm bench:insight` on its tuning seeds (see bench/README.md). */
export const defaultFlagRules: FlagRules = {
  noActivityDays: 3,
  quietMinDays: 2,
  quietMaxDays: 7,
  usageDrop: 0.5,
  usageMinBase: 4,
  usageRecover: 0.75,
  significance: 0.01,
  seatsDay: 30,
  seatsActiveMin: 0.4,
  healthFallingDays: 7,
};

/** The kinds of early-warning flag (docs/metrics.md#early-warning-flags). */
export type FlagKind = 'no-activity' | 'went-quiet' | 'usage-drop' | 'few-seats-active' | 'milestone-overdue' | 'health-falling' | 'users-stuck';

/** The flags that say the account is not using the product as it should now; while one holds, health is at most red. */
export const riskFlagKinds: readonly FlagKind[] = ['no-activity', 'went-quiet', 'usage-drop', 'few-seats-active'];

/** What a flag measured on the last day it held, for its reason (`flagReason`). */
export interface FlagFacts {
  /** no-activity: days since the start with nobody active; went-quiet: whole days nobody has been active; health-falling: days in a row. */
  days?: number;
  /** went-quiet: the last account day anyone was active. */
  lastActiveDay?: number;
  /** usage-drop: active user-days over the last `windowDays` whole days, and the account's usual number for those days. */
  current?: number;
  usual?: number;
  windowDays?: number;
  /** few-seats-active: distinct users active in the last 28 whole days, of `seats`. */
  activeSeats?: number;
  seats?: number;
  /** milestone-overdue: its target day and how many days past it. */
  targetDay?: number;
  overdueDays?: number;
  /** users-stuck: how many. */
  users?: number;
}

/** A raised flag. `key` is the kind, or `milestone-overdue:<milestone>` (one flag per overdue milestone). */
export interface Flag {
  key: string;
  kind: FlagKind;
  /** When its condition began: the start of the account day it was first raised on, in ms. */
  since: number;
  /** The overdue milestone, for `milestone-overdue`. */
  milestone?: string;
  facts?: FlagFacts;
}

/** Limits that keep nudges welcome; the budgets count every nudge, the others one nudge key. */
export interface NudgeCaps {
  /** Times one nudge may be shown, ever. */
  perNudgeMax: number;
  /** Ms after a nudge was shown before the same nudge may show again. */
  perNudgeCooldownMs: number;
  /** Nudges shown in one session. */
  perSession: number;
  /** Nudges shown in any 24 hours (a rolling window, so no time zone is involved). */
  perDay: number;
}

/** At most one nudge a session, three a day, each nudge at most three times and once a day. */
export const defaultNudgeCaps: NudgeCaps = {
  perNudgeMax: 3,
  perNudgeCooldownMs: 86_400_000,
  perSession: 1,
  perDay: 3,
};

/**
 * One thing that happened to a nudge, as plain JSON so the history can be stored, synced across
 * devices and merged by concatenation (order does not matter). Times are ms since the epoch.
 */
export type NudgeRecord =
  | { type: 'shown'; nudge: string; at: number; session: string }
  | { type: 'dismissed'; nudge: string; at: number }
  | { type: 'snoozed'; nudge: string; at: number; until: number };

/** Everything `mayNudge` needs to remember about past nudges for one user. */
export type NudgeHistory = readonly NudgeRecord[];

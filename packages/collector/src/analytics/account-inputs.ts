import type { Flag } from '@waymark/core';
import type { NudgeShow } from './read-nudge-shows.js';

/** Everything the summary of one account is computed from, as read from the database. */
export interface AccountInputs {
  accountId: string;
  traits: Record<string, unknown>;
  firstSeen: number;
  /** Who was active on which UTC date (`YYYY-MM-DD`), from the daily rollup. */
  daily: ReadonlyArray<{ date: string; actor: string }>;
  /** First use (ms) of each event key by each user of the account, from the usage rollup. */
  usage: ReadonlyArray<{ actor: string; eventKey: string; firstSeen: number }>;
  /** The account's events of the last days (`timeInProductDays`): who and when, for time in product. */
  events: ReadonlyArray<{ actor: string; ts: number }>;
  /** Milestone key → when it was first recorded for the account or any of its users (ms). */
  milestonesReached: ReadonlyMap<string, number>;
  /** Checklist key → items done by each user of the account (per user, the number of items). */
  checklistItems: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Users of the account (for checklist completion). */
  users: number;
  /** Checklist key → the subjects (`user:<actor>`) in its audience; checklists not listed are for every user. */
  checklistAudience?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Nudges shown to the account's users, with when each nudged item was completed. */
  nudges: readonly NudgeShow[];
  /** Open rows of stuck_users for the account. */
  stuckUsers: number;
  /** The flags raised and not cleared, as stored. */
  openFlags: readonly Flag[];
}

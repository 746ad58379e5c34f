import type { PageFacts } from '../page/page-facts.js';

/** Counts of one event key: all time, and per UTC hour for the windows conditions use. */
export interface EventCounter {
  /** All-time count. */
  total: number;
  /**
   * Counts per UTC hour, keyed by the hour's number (`Math.floor(ms / 3_600_000)`, as a string
   * since it is a JSON object key). Sparse: hours without events are absent; hours older than
   * `snapshotHorizonHours` may be dropped.
   */
  hours: Record<string, number>;
}

/** What is known about the user, or about their account. */
export interface ScopeState {
  /** Counters by event key (the rollup key: see `eventKey`). */
  events: Record<string, EventCounter>;
  traits: Record<string, unknown>;
  /**
   * The traits as last set by a trusted source (the secret key, or a verified identify or
   * group): what `trusted` trait conditions read. The browser never writes them.
   */
  trustedTraits?: Record<string, unknown>;
  /** When the user or account started (first seen, or the account's `createdAt`), ms since the epoch. */
  startedAt?: number;
}

/**
 * One user's progress, as JSON: what `GET /v1/state` returns and what the SDK updates locally
 * as events are tracked. Plain data, so it survives `JSON.stringify` unchanged.
 */
export interface StateSnapshot {
  user: ScopeState;
  account: ScopeState;
  /** Keys of the milestones reached (the user's, and their account's). */
  milestones: string[];
  /** Done item keys by checklist key. */
  items: Record<string, string[]>;
  /** Keys of the checklists recorded complete. */
  completed: string[];
  /** The user's latest page (see `pageFacts`), which page conditions match; absent when unknown. */
  page?: PageFacts;
}

/** Hours of per-hour counts a snapshot needs to keep: the longest `within` window (365 days), plus one. */
export const snapshotHorizonHours = 365 * 24 + 1;

/** A snapshot of a user about whom nothing is known yet. */
export function emptySnapshot(): StateSnapshot {
  return { user: { events: {}, traits: {} }, account: { events: {}, traits: {} }, milestones: [], items: {}, completed: [] };
}

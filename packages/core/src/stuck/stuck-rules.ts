/** Thresholds of `detectStuck`; each one met on its own makes the user stuck. */
export interface StuckRules {
  /** Active ms on the item's page without progress. */
  activeMs: number;
  /** Visits to the item's page without completing it. */
  visits: number;
  /** Attempt events minus success events. */
  failedAttempts: number;
  /** Error events. */
  errors: number;
  /** Rage clicks: `clicks` clicks within `withinMs`, each within `radiusPx` of the first. */
  rage: { clicks: number; withinMs: number; radiusPx: number };
  /** Clicks on or near the target that caused nothing. */
  deadClicks: number;
  /** Only clicks this recent count, so an old burst does not keep a user stuck. */
  clickWindowMs: number;
}

/** Defaults that notice a struggling user without calling every pause "stuck". */
export const defaultStuckRules: StuckRules = {
  activeMs: 90_000,
  visits: 3,
  failedAttempts: 3,
  errors: 3,
  rage: { clicks: 3, withinMs: 700, radiusPx: 30 },
  deadClicks: 2,
  clickWindowMs: 30_000,
};

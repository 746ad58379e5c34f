/** A stretch of time on the item's page; only time both `visible` (tab shown) and `active` (user not idle) counts. */
export interface ActivityInterval {
  start: number;
  end: number;
  visible: boolean;
  active: boolean;
}

/** One click on the item's page. */
export interface ClickSample {
  at: number;
  x: number;
  y: number;
  /** On or near the item's guide target (the SDK decides "near"). */
  onTarget: boolean;
  /** Whether the click caused anything (navigation, DOM change, a tracked event). */
  caused: boolean;
}

/**
 * What the SDK observed about the user's next unfinished checklist item, as plain data. Counts
 * are since the user last made progress on it; times are in ms since the epoch.
 */
export interface StuckSignals {
  /** When the user last made progress (or started the item); intervals and clicks before it are ignored. */
  since?: number;
  /** Time on the item's page. When given it wins over `activeMs`; overlapping intervals count once. */
  activity?: readonly ActivityInterval[];
  /** Active ms already computed (visible and not idle), used when `activity` is absent. */
  activeMs?: number;
  /** Visits to the item's page. */
  visits?: number;
  /** Attempt events (e.g. "Export Started") and success events (e.g. "Report Exported"). */
  attempts?: number;
  successes?: number;
  /** Error events on the item's page. */
  errors?: number;
  clicks?: readonly ClickSample[];
}

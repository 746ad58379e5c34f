const dayMs = 86_400_000;

/** One nudge shown to a user, and when (if ever) the user completed the item it pointed at. Times in ms since the epoch. */
export interface ShownNudge {
  shownAt: number;
  /** When the nudged checklist item was completed; undefined when it is not (yet). */
  completedAt: number | undefined;
}

/** How many shown nudges were followed by the item being done in time. */
export interface NudgeEffectiveness {
  shown: number;
  converted: number;
  /** `converted / shown`; undefined when nothing was shown. */
  rate: number | undefined;
}

/**
 * Nudge effectiveness: the share of shown nudges whose item was completed at or after the show
 * and within `withinDays` days (default 7) of it. Each show counts, so a nudge shown twice before
 * the item was done counts twice when both shows are within the window.
 */
export function nudgeEffectiveness(shown: readonly ShownNudge[], withinDays = 7): NudgeEffectiveness {
  const converted = shown.filter((n) => n.completedAt !== undefined && n.completedAt >= n.shownAt && n.completedAt - n.shownAt <= withinDays * dayMs).length;
  return { shown: shown.length, converted, rate: shown.length === 0 ? undefined : converted / shown.length };
}

import type { Nudge } from '../config/nudge.js';

/**
 * The nudge that applies to a checklist item: one `for` that item beats one `for` its whole
 * checklist, which beats one without `for`; at each level the first in config order wins.
 */
export function nudgeForItem(nudges: readonly Nudge[], checklist: string, item: string): Nudge | undefined {
  return (
    nudges.find((n) => n.for?.checklist === checklist && n.for.item === item) ??
    nudges.find((n) => n.for?.checklist === checklist && n.for.item === undefined) ??
    nudges.find((n) => n.for === undefined)
  );
}

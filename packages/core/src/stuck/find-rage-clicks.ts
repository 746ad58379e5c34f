import type { StuckRules } from './stuck-rules.js';
import type { ClickSample } from './stuck-signals.js';

/** The first burst of rage clicks (at least `clicks` within `withinMs`, each within `radiusPx` of the burst's first), or undefined. */
export function findRageClicks(clicks: readonly ClickSample[], rage: StuckRules['rage']): ClickSample[] | undefined {
  const sorted = [...clicks].sort((a, b) => a.at - b.at);
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    const burst = [first];
    for (let j = i + 1; j < sorted.length && sorted[j]!.at - first.at <= rage.withinMs; j++) {
      const c = sorted[j]!;
      if (Math.hypot(c.x - first.x, c.y - first.y) <= rage.radiusPx) burst.push(c);
    }
    if (burst.length >= rage.clicks) return burst;
  }
  return undefined;
}

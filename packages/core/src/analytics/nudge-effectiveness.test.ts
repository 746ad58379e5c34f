import { describe, expect, it } from 'vitest';
import { nudgeEffectiveness } from './nudge-effectiveness.js';

describe('nudgeEffectiveness', () => {
  const day = 86_400_000;
  const t = Date.UTC(2026, 2, 10);

  it('counts shows followed by the item done within the window', () => {
    const shown = [
      { shownAt: t, completedAt: t + 2 * day }, // converted
      { shownAt: t, completedAt: t + 7 * day }, // converted: exactly 7 days
      { shownAt: t, completedAt: t + 7 * day + 1 }, // too late
      { shownAt: t, completedAt: t - 1 }, // done before the nudge
      { shownAt: t, completedAt: undefined },
    ];
    expect(nudgeEffectiveness(shown)).toEqual({ shown: 5, converted: 2, rate: 0.4 });
    expect(nudgeEffectiveness(shown, 1)).toEqual({ shown: 5, converted: 0, rate: 0 });
  });

  it('is undefined when nothing was shown', () => {
    expect(nudgeEffectiveness([])).toEqual({ shown: 0, converted: 0, rate: undefined });
  });
});

/** A seeded source of pseudo-random numbers: the simulator's only randomness, so a seed repeats a run exactly. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, max] (both included). */
  int(min: number, max: number): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An approximately normal number (mean, standard deviation): six uniforms summed (variance 1/2), scaled. */
  normal(mean: number, sd: number): number;
}

// FNV-1a over the parts, so (seed, 7) and (seed, 8) start far apart.
function hashParts(parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A mulberry32 generator seeded from `parts` (e.g. the run's seed and a user's index): small,
 * fast and good enough for a simulation; not for anything secret.
 */
export function createRandom(...parts: ReadonlyArray<string | number>): Random {
  let state = hashParts(parts);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick() needs a non-empty list');
      return item;
    },
    normal: (mean, sd) => mean + sd * ((next() + next() + next() + next() + next() + next() - 3) / Math.SQRT1_2),
  };
}

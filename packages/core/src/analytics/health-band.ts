import { defaultHealthBands, type HealthBands } from './health-bands.js';

/** A traffic-light reading of a health score. */
export type HealthBand = 'red' | 'yellow' | 'green';

/** The band of a (rounded) health score: at most `bands.red` red, at most `bands.yellow` yellow, else green. */
export function healthBand(score: number, bands: HealthBands = defaultHealthBands): HealthBand {
  if (score <= bands.red) return 'red';
  return score <= bands.yellow ? 'yellow' : 'green';
}

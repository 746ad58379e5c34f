import { healthBand, type HealthBand } from './health-band.js';
import { defaultHealthBands, type HealthBands } from './health-bands.js';
import { defaultHealthWeights, type HealthComponent, type HealthWeights } from './health-weights.js';

/** Component values 0–100; a missing or undefined component is left out of the score. */
export type HealthComponents = Readonly<Partial<Record<HealthComponent, number | undefined>>>;

/** One component as it counted in the score. */
export interface HealthPart {
  component: HealthComponent;
  /** The value used, clamped to 0–100. */
  value: number;
  /** The component's share of the weight after renormalisation (the parts' weights sum to 1). */
  weight: number;
  /** `weight × (100 - value)`: the points it cost the score. */
  shortfall: number;
}

/** A health score with what went into it. */
export interface HealthScore {
  /** 0–100, rounded; undefined when no weighted component is present. */
  score: number | undefined;
  band: HealthBand | undefined;
  /** The component that cost the most points (ties: the first in weight order); undefined when nothing cost any. */
  driver: HealthComponent | undefined;
  /** The components present, in weight order. */
  parts: HealthPart[];
}

/**
 * The health score: the weighted mean of the components present (missing, undefined or non-finite
 * values drop out and the remaining weights are renormalised to sum to 1), rounded, with its band
 * and its top negative driver. Components with no or a non-positive weight are ignored.
 */
export function healthScore(components: HealthComponents, weights: HealthWeights = defaultHealthWeights, bands: HealthBands = defaultHealthBands): HealthScore {
  const present = (Object.keys(weights) as HealthComponent[]).flatMap((component) => {
    const weight = weights[component] ?? 0;
    const value = components[component];
    if (!(weight > 0) || value === undefined || !Number.isFinite(value)) return [];
    return [{ component, value: Math.min(100, Math.max(0, value)), weight }];
  });
  const total = present.reduce((sum, p) => sum + p.weight, 0);
  if (present.length === 0 || !Number.isFinite(total)) return { score: undefined, band: undefined, driver: undefined, parts: [] };
  const parts = present.map((p) => {
    const weight = p.weight / total;
    return { component: p.component, value: p.value, weight, shortfall: weight * (100 - p.value) };
  });
  const score = Math.round(parts.reduce((sum, p) => sum + p.weight * p.value, 0));
  let driver: HealthPart | undefined;
  for (const p of parts) if (p.shortfall > 0 && (driver === undefined || p.shortfall > driver.shortfall)) driver = p;
  return { score, band: healthBand(score, bands), driver: driver?.component, parts };
}

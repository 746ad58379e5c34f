/** Band thresholds of the health score: at most `red` is red, at most `yellow` yellow, above it green. */
export interface HealthBands {
  red: number;
  yellow: number;
}

/** 0–50 red, 51–75 yellow, 76–100 green. */
export const defaultHealthBands: HealthBands = { red: 50, yellow: 75 };

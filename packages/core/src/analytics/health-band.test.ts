import { describe, expect, it } from 'vitest';
import { healthBand } from './health-band.js';

describe('healthBand', () => {
  it('bands 0–50 red, 51–75 yellow, 76–100 green', () => {
    expect([0, 50, 51, 75, 76, 100].map((s) => healthBand(s))).toEqual(['red', 'red', 'yellow', 'yellow', 'green', 'green']);
  });

  it('takes other thresholds', () => {
    expect([40, 41, 60, 61].map((s) => healthBand(s, { red: 40, yellow: 60 }))).toEqual(['red', 'yellow', 'yellow', 'green']);
  });
});

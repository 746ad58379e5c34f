import { describe, expect, it } from 'vitest';
import { healthScore } from './health-score.js';

describe('healthScore', () => {
  it('is the weighted mean of the components with the largest weighted shortfall as driver', () => {
    // Weights 30/20/15/20/15: 0.3·80 + 0.2·50 + 0.15·60 + 0.2·100 + 0.15·40 = 24 + 10 + 9 + 20 + 6 = 69.
    // Shortfalls: activity 6, seats 10, breadth 6, milestones 0, depth 9.
    const r = healthScore({ activity: 80, seats: 50, breadth: 60, milestones: 100, depth: 40 });
    expect(r).toMatchObject({ score: 69, band: 'yellow', driver: 'seats' });
    expect(r.parts.map((p) => [p.component, p.weight, p.shortfall])).toEqual([
      ['activity', 0.3, expect.closeTo(6, 10)],
      ['seats', 0.2, 10],
      ['breadth', 0.15, expect.closeTo(6, 10)],
      ['milestones', 0.2, 0],
      ['depth', 0.15, expect.closeTo(9, 10)],
    ]);
  });

  it('drops missing components and renormalises the remaining weights', () => {
    // Without seats the weights sum to 80: (30·80 + 15·60 + 20·100 + 15·40) / 80 = 5900 / 80 = 73.75 → 74.
    // Shortfalls: activity 30/80·20 = 7.5, breadth 15/80·40 = 7.5, depth 15/80·60 = 11.25.
    const r = healthScore({ activity: 80, seats: undefined, breadth: 60, milestones: 100, depth: 40 });
    expect(r).toMatchObject({ score: 74, band: 'yellow', driver: 'depth' });
    expect(r.parts.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(1, 12);
    expect(healthScore({ activity: 30, depth: Number.NaN })).toMatchObject({ score: 30, band: 'red', driver: 'activity' });
  });

  it('takes custom weights, ignores zero weights, and clamps values to 0–100', () => {
    // activity weight 1, breadth 3: (1·100 + 3·20) / 4 = 40; seats has weight 0.
    expect(healthScore({ activity: 140, breadth: 20, seats: 0 }, { activity: 1, breadth: 3, seats: 0 })).toMatchObject({ score: 40, driver: 'breadth' });
  });

  it('has no score without components, and no driver at 100', () => {
    expect(healthScore({})).toEqual({ score: undefined, band: undefined, driver: undefined, parts: [] });
    expect(healthScore({ activity: 50 }, { breadth: 1 })).toMatchObject({ score: undefined });
    expect(healthScore({ activity: 100, milestones: 100 })).toMatchObject({ score: 100, band: 'green', driver: undefined });
  });

  it('breaks a driver tie by weight order', () => {
    expect(healthScore({ activity: 50, breadth: 50 }, { breadth: 1, activity: 1 }).driver).toBe('breadth');
  });

  it('rounds before banding, with configurable bands', () => {
    expect(healthScore({ activity: 50.4 })).toMatchObject({ score: 50, band: 'red' });
    expect(healthScore({ activity: 50.5 })).toMatchObject({ score: 51, band: 'yellow' });
    expect(healthScore({ activity: 50 }, undefined, { red: 40, yellow: 60 })).toMatchObject({ score: 50, band: 'yellow' });
  });
});

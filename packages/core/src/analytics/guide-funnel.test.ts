import { describe, expect, it } from 'vitest';
import { guideFunnel } from './guide-funnel.js';

describe('guideFunnel', () => {
  it('computes conversion from the start and from the previous step', () => {
    const r = guideFunnel({ started: 200, steps: [200, 150, 90], completed: 80, dismissed: 100, errored: 20 });
    expect(r.stepConversion).toEqual([
      { step: 0, count: 200, fromStart: 1, fromPrevious: 1 },
      { step: 1, count: 150, fromStart: 0.75, fromPrevious: 0.75 },
      { step: 2, count: 90, fromStart: 0.45, fromPrevious: 0.6 },
    ]);
    expect(r).toMatchObject({ started: 200, completed: 80, completionRate: 0.4, dismissRate: 0.5, errorRate: 0.1 });
  });

  it('leaves ratios with a zero denominator undefined', () => {
    const r = guideFunnel({ started: 0, steps: [0, 0], completed: 0, dismissed: 0, errored: 0 });
    expect(r.stepConversion).toEqual([
      { step: 0, count: 0, fromStart: undefined, fromPrevious: undefined },
      { step: 1, count: 0, fromStart: undefined, fromPrevious: undefined },
    ]);
    expect(r).toMatchObject({ completionRate: undefined, dismissRate: undefined, errorRate: undefined });
  });
});

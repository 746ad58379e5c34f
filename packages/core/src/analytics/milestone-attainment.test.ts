import { describe, expect, it } from 'vitest';
import { milestoneAttainment } from './milestone-attainment.js';

describe('milestoneAttainment', () => {
  const reached = new Map([
    ['a', 0],
    ['b', 7],
    ['c', 20],
    ['x', 1],
  ]);

  it('counts milestones reached by each checkpoint, once the checkpoint is over', () => {
    expect(milestoneAttainment(['a', 'b', 'c', 'd'], reached, 31)).toEqual([
      { day: 7, reached: 2, total: 4, share: 0.5 },
      { day: 14, reached: 2, total: 4, share: 0.5 },
      { day: 30, reached: 3, total: 4, share: 0.75 },
      { day: 60, reached: 3, total: 4, share: undefined },
      { day: 90, reached: 3, total: 4, share: undefined },
    ]);
  });

  it('does not score a checkpoint on its own day, and is undefined with no milestones', () => {
    expect(milestoneAttainment(['a', 'b'], reached, 7, [7])).toEqual([{ day: 7, reached: 2, total: 2, share: undefined }]);
    expect(milestoneAttainment([], reached, 100, [7])).toEqual([{ day: 7, reached: 0, total: 0, share: undefined }]);
  });
});

import { describe, expect, it } from 'vitest';
import { timeToFirstValue } from './time-to-first-value.js';

describe('timeToFirstValue', () => {
  const milestones = [{ key: 'setup' }, { key: 'activated', firstValue: true }];

  it('is the day the first-value milestone was reached', () => {
    expect(
      timeToFirstValue(
        milestones,
        new Map([
          ['setup', 1],
          ['activated', 6],
        ]),
      ),
    ).toBe(6);
    expect(timeToFirstValue(milestones, new Map([['activated', 0]]))).toBe(0);
  });

  it('is undefined when not reached or not marked', () => {
    expect(timeToFirstValue(milestones, new Map([['setup', 1]]))).toBeUndefined();
    expect(timeToFirstValue([{ key: 'setup', firstValue: false }], new Map([['setup', 1]]))).toBeUndefined();
  });
});

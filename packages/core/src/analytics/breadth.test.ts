import { describe, expect, it } from 'vitest';
import { breadth } from './breadth.js';

describe('breadth', () => {
  it('is the share of core features used, ignoring others and duplicates', () => {
    expect(breadth(['projects', 'tasks', 'tasks', 'unknown'], ['projects', 'tasks', 'reports', 'slack'])).toBe(0.5);
    expect(breadth([], ['projects'])).toBe(0);
  });

  it('is undefined with no core features', () => {
    expect(breadth(['projects'], [])).toBeUndefined();
  });
});

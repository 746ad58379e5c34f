import { describe, expect, it } from 'vitest';
import * as cli from '../src/index.js';

describe('public surface', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(cli).sort()).toEqual(['loadConfigFile', 'runWaymark']);
  });
});

import { describe, expect, it } from 'vitest';
import * as bindings from '../src/index.js';

describe('public surface', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(bindings).sort()).toEqual(['Gate', 'WaymarkProvider', 'useChecklist', 'useGate', 'useTrack', 'useWaymark']);
  });
});

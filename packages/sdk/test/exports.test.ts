import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as sdk from '../src/index.js';
import { version } from '../src/version.js';

describe('public surface', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'createIdbStore',
      'createMemoryStore',
      'createWaymark',
      'featureAttribute',
      'onChecklistsChange',
      'snippet',
      'storedChecklists',
    ]);
  });

  it('reports the package version', () => {
    const pkg = JSON.parse(readFileSync(join(fileURLToPath(import.meta.url), '../../package.json'), 'utf8')) as { version: string };
    expect(version).toBe(pkg.version);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDashboardDir } from '../src/http/dashboard-dir.js';
import { defaultSdkDir } from '../src/http/sdk-dir.js';

// From the sources (as here) the workspace packages' builds are served; the built collector serves
// the copies in its own dist (checked on the packed package by scripts/outside-install.mjs).
describe('the folders of served files', () => {
  it('are the workspace builds when the collector runs from its sources', () => {
    expect(defaultSdkDir()).toMatch(/packages[\\/]sdk[\\/]dist$/);
    expect(defaultDashboardDir()).toMatch(/apps[\\/]dashboard[\\/]dist$/);
  });

  it('are copied into the built collector', async () => {
    const dist = join(import.meta.dirname, '../dist');
    if (!existsSync(join(dist, 'http/sdk-dir.js'))) throw new Error('build the collector first (pnpm build)');
    const built = (await import(join(dist, 'http/sdk-dir.js'))) as { defaultSdkDir(): string };
    const builtDashboard = (await import(join(dist, 'http/dashboard-dir.js'))) as { defaultDashboardDir(): string };
    expect(built.defaultSdkDir()).toBe(join(dist, 'sdk'));
    expect(builtDashboard.defaultDashboardDir()).toBe(join(dist, 'dashboard'));
    expect(existsSync(join(dist, 'sdk/waymark.js'))).toBe(true);
    expect(existsSync(join(dist, 'sdk/waymark-ui.js'))).toBe(true);
    expect(existsSync(join(dist, 'sdk/waymark-assistant.js'))).toBe(true);
    expect(existsSync(join(dist, 'sdk/waymark-stuck.js'))).toBe(true);
    expect(existsSync(join(dist, 'sdk/index.d.ts'))).toBe(false);
    expect(existsSync(join(dist, 'dashboard/index.html'))).toBe(true);
  });
});

import { bundledDir } from './bundled-dir.js';

/** Where the built dashboard is: the collector's own copy (dist/dashboard), or apps/dashboard/dist in the workspace. */
export function defaultDashboardDir(): string | undefined {
  return bundledDir('dashboard', '@waymark/dashboard');
}

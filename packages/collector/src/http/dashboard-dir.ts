import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the built dashboard lives (apps/dashboard/dist), or undefined when the dashboard package is not installed. */
export function defaultDashboardDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@waymark/dashboard/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the built SDK lives (packages/sdk/dist), or undefined when the SDK package is not installed. */
export function defaultSdkDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@waymark/sdk/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

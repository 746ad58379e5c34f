import { bundledDir } from './bundled-dir.js';

/** Where the built SDK files are: the collector's own copy (dist/sdk), or packages/sdk/dist in the workspace. */
export function defaultSdkDir(): string | undefined {
  return bundledDir('sdk', '@waymark/sdk');
}

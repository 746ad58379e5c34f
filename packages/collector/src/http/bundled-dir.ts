import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A folder of files the collector serves: the copy its build put in `dist/<name>` (what the
 * published package carries), else the `dist` of the workspace package `pkg` (running from the
 * sources, in this repository); undefined when neither is there.
 */
export function bundledDir(name: string, pkg: string): string | undefined {
  const copy = fileURLToPath(new URL(`../${name}`, import.meta.url));
  if (existsSync(copy)) return copy;
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'dist');
  } catch {
    return undefined;
  }
}

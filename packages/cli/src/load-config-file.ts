import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJiti } from 'jiti';
import { CliError } from './cli-error.js';

/**
 * Reads a config document from a file: JSON, or a module whose default export is the config
 * (`.mjs`, `.js`, or TypeScript: `.ts`, `.mts`, `.cts`, loaded by jiti with its imports resolved
 * from the file's folder).
 */
export async function loadConfigFile(file: string): Promise<unknown> {
  const path = resolve(file);
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const typescript = ['.ts', '.mts', '.cts'].includes(ext);
  if (!typescript && !['.mjs', '.js'].includes(ext)) throw new CliError(`${file}: give a .json, .ts, .mjs or .js file`);
  let mod: { default?: unknown };
  try {
    // TypeScript through jiti (on every Node version, with no build step); JavaScript by Node itself.
    mod = typescript
      ? await createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false }).import<{ default?: unknown }>(path)
      : ((await import(pathToFileURL(path).href)) as { default?: unknown });
  } catch (error) {
    throw new CliError(`cannot load ${file}: ${(error as Error).message}`);
  }
  if (mod.default === undefined) throw new CliError(`${file} has no default export; write "export default defineConfig({ ... })"`);
  return mod.default;
}

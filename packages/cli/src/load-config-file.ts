import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './cli-error.js';

/**
 * Reads a config document from a file: JSON, or an ES module whose default export is the config
 * (`.mjs`, `.js`, and `.ts` where this Node strips types itself).
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
  const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript);
  if (typescript && !stripsTypes) {
    throw new CliError(
      `${file} is TypeScript, which this Node (${process.version}) cannot load by itself. ` +
        'Compile it first (for example emit waymark.config.json in your build, as examples/acme does) and pass the .json or .js file.',
    );
  }
  if (!typescript && !['.mjs', '.js'].includes(ext)) throw new CliError(`${file}: give a .json, .mjs or .js file`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw new CliError(`cannot load ${file}: ${(error as Error).message}`);
  }
  if (mod.default === undefined) throw new CliError(`${file} has no default export; write "export default defineConfig({ ... })"`);
  return mod.default;
}

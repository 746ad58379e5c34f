// Copies the files the collector serves into its dist: the dashboard's build (dist/dashboard) and
// the SDK's browser bundles (dist/sdk), so the published package needs neither package at run time.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const sources = {
  dashboard: [join(dirname(require.resolve('@waymark/dashboard/package.json')), 'dist'), () => true],
  // What GET /sdk/:file serves: the bundles, not the ESM entry's declarations.
  sdk: [join(dirname(require.resolve('@waymark/sdk/package.json')), 'dist'), (name) => /\.js(\.map)?$/.test(name)],
};

for (const [name, [from, keep]] of Object.entries(sources)) {
  const to = join(root, 'dist', name);
  if (!existsSync(join(from, name === 'sdk' ? 'waymark.js' : 'index.html'))) {
    process.stderr.write(`copy-assets: ${from} has no build; build @waymark/${name} first\n`);
    process.exit(1);
  }
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from, { withFileTypes: true }).filter((f) => f.isFile() && keep(f.name));
  for (const f of files) cpSync(join(from, f.name), join(to, f.name));
  process.stdout.write(`dist/${name}: ${files.length} files from ${from}\n`);
}

// Builds the SDK: the script-tag tracker (IIFE), its debug twin, the ESM entry, the loader snippet,
// and type declarations. Prints gzipped sizes and fails when a budget or a bundle rule is broken.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const budgets = { 'waymark.js': 5120, 'snippet.min.js': 1024 };

const common = {
  bundle: true,
  target: 'es2020',
  // Resolve workspace packages to their sources, so the SDK builds without building core first.
  conditions: ['source'],
  legalComments: 'none',
  logLevel: 'warning',
};
const production = { ...common, minify: true, define: { __DEBUG__: 'false' } };

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({ ...production, entryPoints: [join(root, 'src/waymark-script.ts')], format: 'iife', outfile: join(dist, 'waymark.js') });
await build({
  ...common,
  entryPoints: [join(root, 'src/waymark-script.ts')],
  format: 'iife',
  define: { __DEBUG__: 'true' },
  outfile: join(dist, 'waymark.debug.js'),
});
await build({
  ...production,
  entryPoints: [join(root, 'src/index.ts')],
  format: 'esm',
  external: ['@waymark/core', 'idb-keyval'],
  outfile: join(dist, 'index.js'),
});

// The snippet file is the loader from src/snippet.ts, filled with placeholders for the docs.
const snippetModule = await build({ ...production, entryPoints: [join(root, 'src/snippet.ts')], format: 'esm', write: false });
const { snippet } = await import(`data:text/javascript;base64,${Buffer.from(snippetModule.outputFiles[0].text).toString('base64')}`);
writeFileSync(join(dist, 'snippet.min.js'), `${snippet('YOUR_PUBLIC_KEY', 'https://YOUR_COLLECTOR/sdk/waymark.js')}\n`);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--emitDeclarationOnly'], {
  stdio: 'inherit',
});

let failed = false;
for (const file of ['waymark.js', 'index.js', 'snippet.min.js', 'waymark.debug.js']) {
  const text = readFileSync(join(dist, file), 'utf8');
  const gzipped = gzipSync(text, { level: 9 }).length;
  const budget = budgets[file];
  const over = budget !== undefined && gzipped > budget;
  console.log(`${file.padEnd(18)} ${String(text.length).padStart(6)} B  ${String(gzipped).padStart(5)} B gzipped${budget ? `  (budget ${budget} B)` : ''}${over ? '  OVER BUDGET' : ''}`);
  if (over) failed = true;
  if (file !== 'waymark.debug.js') {
    // Production bundles: no console, and nothing a strict CSP (no unsafe-eval) would block.
    for (const banned of ['console', 'eval(', 'Function(']) {
      if (text.includes(banned)) {
        console.error(`${file} contains "${banned}"`);
        failed = true;
      }
    }
  }
}
if (failed) process.exit(1);

// Builds the SDK: the script-tag tracker (IIFE), its debug twin, the UI chunk (checklists and guides,
// loaded by the tracker only when something must be shown), the ESM entry, the loader snippet, and
// type declarations. Prints gzipped sizes and fails when a budget or a bundle rule is broken.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'terser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const budgets = { 'waymark.js': 5120, 'waymark-ui.js': 15 * 1024, 'snippet.min.js': 1024 };
// Everything a page with a checklist or a guide loads: tracker + UI (its CSS is inside the UI chunk).
const totalBudget = 20 * 1024;

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

// esbuild bundles and minifies; a terser pass after it saves the ~8% of gzipped bytes the tracker's
// budget needs (conservative options: no unsafe transforms).
async function iife(entry, outfile, target = common.target) {
  const result = await build({ ...production, target, entryPoints: [join(root, entry)], format: 'iife', write: false });
  const { code } = await minify(result.outputFiles[0].text, { ecma: 2020, compress: { passes: 2, ecma: 2020 }, mangle: true, toplevel: true });
  writeFileSync(join(dist, outfile), code);
}
await iife('src/waymark-script.ts', 'waymark.js');
// The UI needs constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4): every such browser
// runs ES2022, whose shorter syntax the UI chunk's budget needs.
await iife('src/ui/waymark-ui.ts', 'waymark-ui.js', 'es2022');
// The debug panel and condition explainer, loaded by the UI chunk in debug mode only.
await iife('src/ui/waymark-debug.ts', 'waymark-debug.js', 'es2022');
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

// The larger of zlib's level 9 and `gzip -9 FILE` (its header carries the file name, and its
// deflate differs by a few bytes either way), so the budget holds however someone measures it.
function gzippedSize(path, text) {
  const zlib = gzipSync(text, { level: 9 }).length;
  try {
    return Math.max(zlib, execFileSync('gzip', ['-9', '-c', path]).length);
  } catch {
    return zlib; // no gzip command on this machine
  }
}

let failed = false;
const sizes = {};
for (const file of ['waymark.js', 'waymark-ui.js', 'waymark-debug.js', 'index.js', 'snippet.min.js', 'waymark.debug.js']) {
  const text = readFileSync(join(dist, file), 'utf8');
  const gzipped = gzippedSize(join(dist, file), text);
  sizes[file] = gzipped;
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
const total = sizes['waymark.js'] + sizes['waymark-ui.js'];
console.log(`${'tracker + UI'.padEnd(18)} ${''.padStart(8)}  ${String(total).padStart(5)} B gzipped  (budget ${totalBudget} B)${total > totalBudget ? '  OVER BUDGET' : ''}`);
if (total > totalBudget) failed = true;
if (failed) process.exit(1);

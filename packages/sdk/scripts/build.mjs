// Builds the SDK with rollup: the script-tag tracker (IIFE), its debug twin, the UI chunk (Preact
// and @floating-ui/dom; loaded by the tracker only when something must be shown), the assistant
// chunk (loaded by the UI once the page is idle), the stuck-detection chunk (loaded by the UI while a
// checklist item is pending), the debug chunk, the ESM entry, the loader snippet, and type
// declarations. Prints gzipped sizes and fails when a budget or a bundle rule is broken.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// gzip -9 bytes. The tracker carries idb-keyval and the unload copy; the UI carries Preact with hooks
// and @floating-ui/dom (about 11.9 KB of it); the assistant borrows the UI's Preact. The UI chunk's
// 30 KiB is 26 KiB for checklists, guides, gates and nudges and 4 KiB for the experiences that start
// by themselves (triggers, announcements, previews, the launcher).
const budgets = { 'waymark.js': 5120, 'waymark-ui.js': 30 * 1024, 'waymark-assistant.js': 8 * 1024, 'waymark-stuck.js': 2 * 1024, 'snippet.min.js': 1024 };
// What a page with a checklist or a guide loads before it shows anything: tracker + UI (its CSS is
// inside the UI chunk); then stuck detection while an item is pending, and the assistant.
const totalBudget = 35 * 1024;
const openedBudget = 44 * 1024;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// Sources import each other as `./file.js` (NodeNext): resolve those to the .ts or .tsx file.
const tsSources = {
  name: 'ts-sources',
  resolveId(source, importer) {
    if (!importer || !/^\.\.?\//.test(source) || !source.endsWith('.js')) return null;
    for (const ext of ['.ts', '.tsx']) {
      const file = resolve(dirname(importer), source.slice(0, -3) + ext);
      if (existsSync(file)) return file;
    }
    return null;
  },
};

/**
 * Turns every `const` of a rendered chunk into `let`, before terser. Rollup keeps the sources'
 * `const`s, which terser leaves as they are; `let` is two bytes shorter, and terser then joins it
 * with the `let`s around it (esbuild's minifier does the same). The same program: the
 * sources are type-checked, so nothing assigns to a `const`, and both are block-scoped alike.
 */
const letBindings = {
  name: 'let-bindings',
  renderChunk(code) {
    const starts = [];
    const visit = (node) => {
      if (node.type === 'VariableDeclaration' && node.kind === 'const') starts.push(node.start);
      for (const value of Object.values(node)) {
        for (const child of Array.isArray(value) ? value : [value]) if (typeof child?.type === 'string') visit(child);
      }
    };
    visit(this.parse(code));
    let out = code;
    for (const start of starts.sort((a, b) => b - a)) out = `${out.slice(0, start)}let${out.slice(start + 'const'.length)}`;
    return { code: out, map: null };
  },
};

/**
 * Bundles `entry` with rollup: workspace packages from their sources (the `source` condition, so
 * the SDK builds without building core first), TypeScript and Preact's JSX by esbuild's
 * transform, minified by terser (conservative options: no unsafe transforms) unless `debug`.
 */
async function bundle(entry, { format = 'iife', target = 'es2020', debug = false, external = [] } = {}) {
  const bundled = await rollup({
    input: join(root, entry),
    external,
    plugins: [
      tsSources,
      nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.tsx', '.mjs', '.js'] }),
      esbuild({
        target,
        tsconfig: false,
        jsx: 'transform',
        jsxFactory: 'h',
        jsxFragment: 'Fragment',
        define: { __DEBUG__: String(debug) },
        legalComments: 'none',
      }),
      ...(debug ? [] : [letBindings, terser({ ecma: 2020, compress: { passes: 2, ecma: 2020 }, mangle: true, toplevel: true, format: { comments: false } })]),
    ],
    onwarn(warning, warn) {
      // Cycles among modules, and annotations in dependencies that tree-shaking does not need.
      if (warning.code !== 'CIRCULAR_DEPENDENCY' && !(warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules'))) warn(warning);
    },
  });
  const { output } = await bundled.generate({
    format,
    generatedCode: 'es2015',
    esModule: false,
    freeze: false,
    strict: false,
    ...(format === 'iife' ? { name: undefined } : {}),
  });
  await bundled.close();
  return output[0].code;
}
const write = async (entry, file, options) => writeFileSync(join(dist, file), await bundle(entry, options));

await write('src/waymark-script.ts', 'waymark.js');
// The UI needs constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4): every such browser
// runs ES2022, whose shorter syntax helps the UI chunk's budget.
await write('src/ui/waymark-ui.ts', 'waymark-ui.js', { target: 'es2022' });
// The assistant's panel (tabs, What's new, the search over guides), loaded by the UI chunk once
// the page is idle after the launcher shows (or when it opens); rendered with the UI's Preact, which it does not carry.
await write('src/ui/waymark-assistant.ts', 'waymark-assistant.js', { target: 'es2022' });
// Stuck detection (idle time, visits, rage and dead clicks) for the nudges, loaded by the UI chunk
// once the user has a checklist item to do.
await write('src/ui/waymark-stuck.ts', 'waymark-stuck.js', { target: 'es2022' });
// The debug panel and condition explainer, loaded by the UI chunk in debug mode only.
await write('src/ui/waymark-debug.ts', 'waymark-debug.js', { target: 'es2022' });
await write('src/waymark-script.ts', 'waymark.debug.js', { debug: true });
await write('src/index.ts', 'index.js', { format: 'es', external: ['@waymark/core', 'idb-keyval'] });

// The snippet file is the loader from src/snippet.ts, filled with placeholders for the docs.
const snippetModule = await bundle('src/snippet.ts', { format: 'es' });
const { snippet } = await import(`data:text/javascript;base64,${Buffer.from(snippetModule).toString('base64')}`);
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
for (const file of [
  'waymark.js',
  'waymark-ui.js',
  'waymark-assistant.js',
  'waymark-stuck.js',
  'waymark-debug.js',
  'index.js',
  'snippet.min.js',
  'waymark.debug.js',
]) {
  const text = readFileSync(join(dist, file), 'utf8');
  const gzipped = gzippedSize(join(dist, file), text);
  sizes[file] = gzipped;
  const budget = budgets[file];
  const over = budget !== undefined && gzipped > budget;
  console.log(
    `${file.padEnd(18)} ${String(text.length).padStart(6)} B  ${String(gzipped).padStart(5)} B gzipped${budget ? `  (budget ${budget} B)` : ''}${over ? '  OVER BUDGET' : ''}`,
  );
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
console.log(
  `${'tracker + UI'.padEnd(18)} ${''.padStart(8)}  ${String(total).padStart(5)} B gzipped  (budget ${totalBudget} B)${total > totalBudget ? '  OVER BUDGET' : ''}`,
);
if (total > totalBudget) failed = true;
const opened = total + sizes['waymark-stuck.js'] + sizes['waymark-assistant.js'];
console.log(
  `${'+ stuck, assistant'.padEnd(18)} ${''.padStart(8)}  ${String(opened).padStart(5)} B gzipped  (budget ${openedBudget} B)${opened > openedBudget ? '  OVER BUDGET' : ''}`,
);
if (opened > openedBudget) failed = true;
if (failed) process.exit(1);

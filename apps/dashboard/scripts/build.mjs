// Builds the dashboard into dist/: index.html, app.js (Preact + uPlot, one ES module) and app.css
// (ours + uPlot's). No inline script or style, so the collector can serve it under a strict CSP.
// Prints the gzipped sizes and fails when app.js is over its budget.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// app.js is what the login and the portfolio need; the chart chunk (uPlot) loads with the first chart.
const budgets = { 'app.js': 20 * 1024, 'app.css': 6 * 1024, chunks: 26 * 1024 };

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: { app: join(root, 'src/main.tsx') },
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // Workspace packages resolve to their sources (only types are imported from core today).
  conditions: ['source'],
  legalComments: 'none',
  logLevel: 'warning',
  // uPlot is imported on demand (the first chart) and lands in its own chunk.
  splitting: true,
  chunkNames: '[name]-[hash]',
  outdir: dist,
});
await build({ entryPoints: { app: join(root, 'src/app.css') }, bundle: true, minify: true, logLevel: 'warning', outdir: dist });
copyFileSync(join(root, 'src/index.html'), join(dist, 'index.html'));

let failed = false;
const chunks = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'app.js');
for (const file of ['app.js', ...chunks, 'app.css', 'index.html']) {
  const text = readFileSync(join(dist, file));
  const gzipped = gzipSync(text, { level: 9 }).length;
  const budget = budgets[file] ?? (chunks.includes(file) ? budgets.chunks : undefined);
  const over = budget !== undefined && gzipped > budget;
  console.log(
    `${file.padEnd(22)} ${String(text.length).padStart(7)} B  ${String(gzipped).padStart(6)} B gzipped${budget ? `  (budget ${budget} B)` : ''}${over ? '  OVER BUDGET' : ''}`,
  );
  if (over) failed = true;
}
if (failed) process.exit(1);

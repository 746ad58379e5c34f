// Tours benchmark: the same 5-step tour with Waymark, Shepherd, driver.js and intro.js in one
// Chromium run: gzipped size, and the time from the start call and from each Next click to the
// first frame that draws the step's popover (and, before any frame, until it is on screen).
// Run from the repository root: `pnpm bench:tours` (builds first) or `node bench/tours.mjs --help`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/helpers/browser.mjs';
import { measureTour } from './lib/tour-harness.mjs';
import { tourLibraries } from './lib/tour-libraries.mjs';
import { startTourCollector } from './lib/tour-collector.mjs';
import { startTourServer, tourPage } from './lib/tour-page.mjs';
import { benchTour, warmupTour, waymarkConfig } from './lib/tour-steps.mjs';
import { benchFlags } from './lib/bench-flags.mjs';

const usage = `node bench/tours.mjs [options]
  --runs N        fresh page loads per library, reported as the median (default 10)
  --settle MS     pause before each Next and after the warm-up, so fades finish (default 600)
  --timeout MS    longest wait for a step to show (default 5000)
  --only LIST     any of waymark,shepherd,driver,intro (default all four)
  CHROMIUM_PATH   the browser (default /usr/bin/chromium)`;

const flags = benchFlags(usage, {
  runs: { type: 'string', default: '10' },
  settle: { type: 'string', default: '600' },
  timeout: { type: 'string', default: '5000' },
  only: { type: 'string', default: 'waymark,shepherd,driver,intro' },
});
const runs = Number(flags.runs);
const settleMs = Number(flags.settle);
const timeoutMs = Number(flags.timeout);
const only = new Set(flags.only.split(','));
const progress = (text) => process.stderr.write(`${text}\n`);
// Everything one page load does (load, warm-up, 5 steps, settle pauses) with room to spare.
const runTimeoutMs = 30_000 + 10 * timeoutMs + 10 * settleMs;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kib = (bytes) => (bytes / 1024).toFixed(1);

/** Rejects after `ms` with `message`, unless `promise` settles first. */
function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}

/** One fresh page load of `lib`: warm-up, then the timed tour. Page errors fail the run. */
async function runOnce(browser, server, lib) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
    await page.goto(`${server.url}/${lib.id}.html`, { waitUntil: 'load' });
    await page.waitForFunction(lib.ready, null, { timeout: 10_000 }).catch(() => {
      throw new Error(`the library was not ready 10 s after the page loaded (${lib.ready})`);
    });
    await page.addScriptTag({ content: `window.__tourAdapter = (${lib.adapter})();` });
    const result = await withTimeout(
      page.evaluate(measureTour, { warmup: warmupTour, tour: benchTour, timeoutMs, settleMs }),
      runTimeoutMs,
      `the run took longer than ${runTimeoutMs} ms`,
    );
    if (errors.length) throw new Error(errors.join('; '));
    return result;
  } catch (error) {
    // Playwright prefixes what the page threw with `page.evaluate: Error: `; the rest says it all.
    const message = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/^page\.evaluate: (Error: )?/, '');
    throw new Error(errors.length ? `${message} (${errors.join('; ')})` : message);
  } finally {
    await context.close().catch(() => {});
  }
}

function printReport(results, chromiumVersion) {
  const med = (xs) => (xs.length ? median(xs).toFixed(1) : '-');
  const range = (xs) => (xs.length ? `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}` : '-');
  const nextLabels = benchTour.steps.slice(1).map((_, i) => `Next ${i + 1}`);
  const header = ['library', 'version', 'gzipped KiB', 'drawn: start', ...nextLabels.map((l) => `drawn: ${l}`), 'on screen: start / per Next', 'runs'];
  const lines = results.map((r) => [
    r.lib.name,
    r.version,
    kib(r.bytes),
    med(r.firstsDrawn),
    ...r.nextsDrawn.map(med),
    `${med(r.firsts)} / ${med(r.nexts)}`,
    r.error ? `${r.firsts.length}/${runs} FAILED` : `${r.firsts.length}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\nWaymark tours benchmark: a 5-step tour, ${runs} fresh page loads per library, Chromium ${chromiumVersion}`);
  console.log('Time from the start call or the Next click to the first frame that draws the step (its requestAnimationFrame), ms, median of the runs;');
  console.log('"on screen" is the time until the popover is visible and placed in the DOM, before any frame (per Next: the mean of a run\'s Nexts).\n');
  console.log(row(header));
  console.log(`|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 2)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const l of lines) console.log(row(l));
  console.log('\nSpread over the runs (min–max, ms):');
  for (const r of results) {
    const drawnNexts = r.nextsDrawn.map((xs, i) => `${i + 1} ${range(xs)}`).join(', ');
    console.log(`  ${r.lib.name}: drawn: start ${range(r.firstsDrawn)}, Next ${drawnNexts}; on screen: start ${range(r.firsts)}, Next ${range(r.nexts)}`);
  }
  console.log('\nWhat the size counts (each file gzip -9 on its own, as a browser fetches them):');
  for (const r of results) console.log(`  ${r.lib.name}: ${r.lib.files.map((f, i) => `${f.label} ${r.fileBytes[i]} B`).join(' + ')} = ${r.bytes} B`);
  const w = results.find((r) => r.lib.id === 'waymark');
  if (w?.firsts.length) {
    const verdict = (label, xs) => `${label} ${median(xs).toFixed(1)} ms ${median(xs) <= 16 ? 'met' : 'NOT met'}`;
    const all = [verdict('start', w.firstsDrawn), ...w.nextsDrawn.map((xs, i) => verdict(`Next ${i + 1}`, xs))];
    console.log(`\nTarget: Waymark's first frame drawn ≤ 16 ms at start and at each Next, config cached (medians): ${all.join('; ')}`);
  }
  const failed = results.filter((r) => r.error);
  if (failed.length) {
    console.log('\nFailed:');
    for (const r of failed) console.log(`  ${r.lib.name}: ${r.error}`);
  }
}

const closers = [];
let exitCode = 0;
try {
  progress('starting the collector (PGlite in memory) with the tours pushed...');
  const collector = await startTourCollector(waymarkConfig());
  closers.push(() => collector.close());
  const libraries = tourLibraries({ collectorUrl: collector.url, publicKey: collector.publicKey }).filter((l) => only.has(l.id));
  if (libraries.length === 0) throw new Error(`--only ${flags.only}: no such library (waymark, shepherd, driver, intro)`);
  const results = libraries.map((lib) => {
    const fileBytes = lib.files.map((f) => gzipBytes(f.path));
    const version = JSON.parse(readFileSync(lib.packageJson, 'utf8')).version;
    const nextsDrawn = benchTour.steps.slice(1).map(() => []);
    return { lib, version, fileBytes, bytes: fileBytes.reduce((a, b) => a + b, 0), firsts: [], nexts: [], firstsDrawn: [], nextsDrawn, error: undefined };
  });
  const pages = new Map(libraries.map((l) => [`/${l.id}.html`, tourPage(`Tours bench: ${l.name}`, l.head())]));
  const files = new Map(libraries.flatMap((l) => l.files.filter((f) => f.url).map((f) => [f.url, f.path])));
  const server = await startTourServer({ pages, files });
  closers.push(() => server.close());
  const browser = await launchBrowser();
  closers.push(() => browser.close());

  for (let run = 0; run < runs; run++) {
    // Each round starts with another library, so none is always first after a pause.
    const order = results.map((_, i) => results[(i + run) % results.length]);
    for (const r of order) {
      if (r.error) continue;
      try {
        const { first, nexts } = await runOnce(browser, server, r.lib);
        r.firsts.push(first.shown);
        r.nexts.push(mean(nexts.map((n) => n.shown)));
        r.firstsDrawn.push(first.drawn);
        for (const [i, n] of nexts.entries()) r.nextsDrawn[i].push(n.drawn);
        const ms = (t) => `${t.shown.toFixed(1)} (drawn ${t.drawn.toFixed(1)})`;
        progress(`run ${run + 1}/${runs} ${r.lib.name}: first step ${ms(first)} ms, Next ${nexts.map(ms).join(' / ')} ms`);
      } catch (error) {
        r.error = `run ${run + 1}: ${error.message}`;
        progress(`run ${run + 1}/${runs} ${r.lib.name} FAILED: ${error.message}`);
      }
    }
  }
  printReport(results, browser.version());
  if (results.some((r) => r.error)) exitCode = 1;
} catch (error) {
  console.error(`tours benchmark failed: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  for (const close of closers.reverse()) await close().catch((e) => progress(`cleanup: ${e.message}`));
}
process.exit(exitCode);

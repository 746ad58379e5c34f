// Gates benchmark: how many frames a locked control is on screen and usable before Waymark locks
// it, in Chromium, for a control in the page's HTML and one the app renders from JavaScript, on a
// first visit (nothing cached) and on the next page load (the lock the UI stored last time).
// Run from the repository root: `pnpm bench:gates` (builds first) or `node bench/gates.mjs --help`.
import { createServer } from 'node:http';
import { launchBrowser } from '../test/helpers/browser.mjs';
import { benchFlags } from './lib/bench-flags.mjs';
import { startTourCollector } from './lib/tour-collector.mjs';

const usage = `node bench/gates.mjs [options]
  --runs N       fresh browser contexts per case, reported as the median and the worst (default 10)
  CHROMIUM_PATH  the browser (default /usr/bin/chromium)`;
const flags = benchFlags(usage, { runs: { type: 'string', default: '10' } });
const runs = Number(flags.runs);

const config = {
  version: 1,
  features: [{ key: 'reports.advanced', name: 'Advanced reports', tier: 'advanced' }],
  checklists: [{ key: 'basics', title: 'Basics', items: [{ key: 'project', title: 'Create a project', done: { event: 'Project Created' } }] }],
  gates: [{ key: 'reports.advanced', unlock: { checklist: 'basics' } }],
};

// Every animation frame from the first one, before paint: is the gated control there, and is it
// usable (takes pointer input and is not aria-disabled)? Recorded until it is locked.
const probe = `
window.__frames = [];
(function frame() {
  const el = document.querySelector('[data-waymark-gate]');
  if (el && el.getClientRects().length) {
    const locked = getComputedStyle(el).pointerEvents === 'none' || el.getAttribute('aria-disabled') === 'true';
    window.__frames.push({ t: performance.now(), locked });
    if (locked) return;
  }
  requestAnimationFrame(frame);
})();`;

function page(collector, key, rendered) {
  const control = '<button data-waymark-gate="reports.advanced">Cycle-time analysis</button>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Reports</title>
<script>${probe}</script>
<script async src="${collector}/sdk/waymark.js" data-key="${key}"></script>
</head><body><h1>Reports</h1>
${rendered ? `<main id="app"></main><script>requestAnimationFrame(() => { document.getElementById('app').innerHTML = ${JSON.stringify(control)}; });</script>` : `<main>${control}</main>`}
</body></html>`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const collector = await startTourCollector(config);
const server = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(page(collector.url, collector.publicKey, req.url?.startsWith('/rendered')));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();

/** Loads the page and waits for the lock; returns frames usable before it and the ms since navigation start. */
async function measure(p, path) {
  await p.goto(`${base}${path}`);
  await p.waitForFunction(() => window.__frames.some((f) => f.locked), null, { timeout: 10_000 });
  const frames = await p.evaluate(() => window.__frames);
  return { usable: frames.filter((f) => !f.locked).length, ms: frames.find((f) => f.locked).t };
}

const rows = [];
try {
  for (const [label, path] of [
    ['in the page HTML', '/static'],
    ['rendered by the app', '/rendered'],
  ]) {
    const first = [];
    const cached = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      first.push(await measure(p, path));
      // The UI chunk stored the lock; the next load starts from it (and the SDK from the HTTP cache).
      await p.waitForFunction(() => localStorage.getItem('waymark.gates') !== null, null, { timeout: 10_000 });
      cached.push(await measure(p, path));
      await context.close();
    }
    for (const [visit, results] of [
      ['first visit', first],
      ['config cached', cached],
    ]) {
      rows.push({
        control: label,
        visit,
        usable: median(results.map((r) => r.usable)),
        worst: Math.max(...results.map((r) => r.usable)),
        lockedMs: median(results.map((r) => r.ms)),
      });
    }
  }
} finally {
  await browser.close();
  server.close();
  await collector.close();
}

console.log(`Frames a gated control was on screen and usable before it was locked (${runs} runs each, Chromium headless)\n`);
console.log(
  `${'control'.padEnd(22)}${'visit'.padEnd(16)}${'usable frames (median)'.padStart(24)}${'worst'.padStart(8)}${'locked at (ms, median)'.padStart(26)}`,
);
for (const r of rows) {
  console.log(
    `${r.control.padEnd(22)}${r.visit.padEnd(16)}${String(r.usable).padStart(24)}${String(r.worst).padStart(8)}${r.lockedMs.toFixed(1).padStart(26)}`,
  );
}

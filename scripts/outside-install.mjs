#!/usr/bin/env node
// Installs Waymark as a new user would, outside this repository: packs every public package
// (`pnpm pack`), installs the tarballs with npm into an empty folder, starts
// `npx waymark-collector serve` on the embedded database (fresh data directory, free port), checks
// /healthz, /sdk/waymark.js, /dashboard and /dashboard/, creates an app while it runs, validates a TypeScript config with
// `npx waymark validate waymark.config.ts`, and renders @waymark/react on the server with React 18.
// Needs `pnpm build` first, and the npm registry for the packages' own dependencies.
// Usage: node scripts/outside-install.mjs [--keep]   (--keep leaves the folder for a look)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const started = Date.now();
const step = (what) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${what}\n`);
const fail = (message) => {
  throw new Error(message);
};

const publicPackages = readdirSync(join(repo, 'packages'))
  .map((name) => join(repo, 'packages', name))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

const root = mkdtempSync(join(tmpdir(), 'waymark-outside-'));
const tarballs = join(root, 'tarballs');
const app = join(root, 'app');
mkdirSync(tarballs);
mkdirSync(app);
let collector;

// Only what is asked: no npm update notices, audits or funding lines; pnpm's workspace is left behind.
const quietEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
for (const key of Object.keys(quietEnv)) if (key.startsWith('npm_package_') || key === 'npm_config_user_agent') delete quietEnv[key];
const run = (cmd, args, cwd, env = quietEnv) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function get(url, expect) {
  const res = await fetch(url, { redirect: 'manual' });
  const body = await res.text();
  if (res.status !== 200) fail(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
  if (!expect.test(body)) fail(`GET ${url} answered 200 without ${expect}: ${body.slice(0, 200)}`);
  step(`GET ${new URL(url).pathname} 200 (${body.length} B)`);
}

try {
  for (const { dir, pkg } of publicPackages) {
    if (!existsSync(join(dir, 'dist'))) fail(`${pkg.name} is not built: run "pnpm build" first`);
    run('pnpm', ['pack', '--pack-destination', tarballs], dir);
  }
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  step(`packed ${files.length} packages: ${readdirSync(tarballs).join(', ')}`);

  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'outside-app', private: true, type: 'module' }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, 'react@18', 'react-dom@18'], app);
  step('npm install of the tarballs (and React 18) done');
  // Every @waymark package came from a tarball, and the collector asks for no private one.
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path.includes('node_modules/@waymark/') && !String(entry.resolved).startsWith('file:')) fail(`${path} came from ${entry.resolved}, not a tarball`);
  }
  if (existsSync(join(app, 'node_modules/@waymark/dashboard'))) fail('@waymark/dashboard was installed: the collector must not need it');

  const port = await freePort();
  const dataDir = join(root, 'data');
  collector = spawn('npx', ['waymark-collector', 'serve'], {
    cwd: app,
    env: { ...quietEnv, PORT: String(port), HOST: '127.0.0.1', WAYMARK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  collector.stdout.on('data', (d) => (output += d));
  collector.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (collector.exitCode !== null) fail(`waymark-collector serve exited ${collector.exitCode}:\n${output}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) fail(`waymark-collector serve did not answer /healthz within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  step(`npx waymark-collector serve answers on ${base} (embedded database in ${dataDir})`);
  await get(`${base}/healthz`, /ok/);
  await get(`${base}/sdk/waymark.js`, /data-key|waymark/);
  await get(`${base}/sdk/waymark-ui.js`, /__waymarkUi/);
  await get(`${base}/sdk/waymark-assistant.js`, /__waymarkAssistant/);
  await get(`${base}/sdk/waymark-stuck.js`, /__waymarkStuck/);
  await get(`${base}/dashboard`, /<title>Waymark<\/title>/);
  await get(`${base}/dashboard/`, /<title>Waymark<\/title>/);
  await get(`${base}/dashboard/app.js`, /./);
  // While serve holds the embedded database, apps create runs in it (through its control socket).
  const created = JSON.parse(
    run('npx', ['waymark-collector', 'apps', 'create', '--name', 'Outside', '--origin', 'http://localhost:5173', '--json'], app, {
      ...quietEnv,
      WAYMARK_DATA_DIR: dataDir,
      DATABASE_URL: '',
    }),
  );
  if (!/^pk_/.test(created.publicKey) || !/^sk_/.test(created.secretKey)) fail(`apps create printed ${JSON.stringify(created)}`);
  const versions = await fetch(`${base}/v1/admin/config/versions`, { headers: { Authorization: `Bearer ${created.secretKey}` } });
  if (versions.status !== 200) fail(`the new app's secret key was refused: ${versions.status}`);
  step('npx waymark-collector apps create while serve runs: the new keys work at once');

  writeFileSync(
    join(app, 'waymark.config.ts'),
    `import { defineConfig, type WaymarkConfigInput } from '@waymark/core';

const features: WaymarkConfigInput['features'] = [
  { key: 'reports.export', name: 'Export reports', tier: 'advanced', events: ['Report Exported'] },
];

export default defineConfig({
  version: 1,
  features,
  checklists: [
    { key: 'first-steps', title: 'First steps', items: [{ key: 'export', title: 'Export a report', done: { event: 'Report Exported' } }] },
  ],
});
`,
  );
  const validated = run('npx', ['waymark', 'validate', 'waymark.config.ts'], app);
  if (!/valid \(1 features, 0 milestones, 1 checklists/.test(validated)) fail(`waymark validate printed: ${validated}`);
  step(`npx waymark validate waymark.config.ts on Node ${process.version}: ${validated.trim()}`);

  writeFileSync(
    join(app, 'ssr.mjs'),
    `import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { Gate, WaymarkProvider, useGate } from '@waymark/react';

function Status() {
  const gate = useGate('reports.export');
  return h('p', null, 'ready=' + gate.ready);
}
const html = renderToString(
  h(WaymarkProvider, { options: { key: 'pk_x', api: 'https://collector.test' } }, h(Status), h(Gate, { feature: 'reports.export' }, h('button', null, 'Export'))),
);
process.stdout.write(JSON.stringify({ react: (await import('react')).version, html }));
`,
  );
  const ssr = JSON.parse(run(process.execPath, ['ssr.mjs'], app));
  if (!ssr.react.startsWith('18.') || !ssr.html.includes('data-waymark-gate="reports.export"') || !ssr.html.includes('ready=false')) {
    fail(`@waymark/react on the server: ${JSON.stringify(ssr)}`);
  }
  step(`@waymark/react renders on the server with React ${ssr.react}`);
  step('all checks passed');
} catch (error) {
  process.stderr.write(`outside install failed: ${error.stderr ?? ''}${error.stdout ?? ''}${error.message}\n`);
  process.exitCode = 1;
} finally {
  if (collector && collector.exitCode === null) {
    // npx runs the collector as its child: end the whole group we started.
    process.kill(-collector.pid, 'SIGTERM');
    await new Promise((r) => collector.once('exit', r));
  }
  if (keep) process.stdout.write(`left in ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}

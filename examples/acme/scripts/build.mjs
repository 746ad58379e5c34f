// Builds the Acme front end into dist/: the two script bundles, the stylesheet, the favicon and
// the page templates (filled in by the server at request time). The server is compiled by tsc.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validateConfig } from '@waymark/core';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);

await rm(dist, { recursive: true, force: true });
await mkdir(new URL('assets/', dist), { recursive: true });

const result = await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: { app: 'src/client/app.ts', login: 'src/client/login.ts' },
  outdir: 'dist/assets',
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});

for (const file of ['styles.css', 'favicon.svg']) {
  await copyFile(new URL(`pages/${file}`, root), new URL(`assets/${file}`, dist));
}
for (const file of ['login.html', 'app.html']) {
  await copyFile(new URL(`pages/${file}`, root), new URL(file, dist));
}

for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.js')) console.log(`${file}  ${(output.bytes / 1024).toFixed(1)} KiB`);
}

// Acme's onboarding config: waymark.config.ts (the one source) evaluated and checked, then written
// as dist/waymark.config.json for `waymark push` and the demo. A bad config fails the build.
const configBundle = await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: ['waymark.config.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'warning',
});
const configModule = await import(`data:text/javascript;base64,${Buffer.from(configBundle.outputFiles[0].text).toString('base64')}`);
const checked = validateConfig(configModule.default);
if (!checked.ok) {
  for (const e of checked.errors) console.error(`waymark.config.ts: ${e.path}: ${e.message}`);
  process.exit(1);
}
await writeFile(new URL('waymark.config.json', dist), `${JSON.stringify(configModule.default, null, 2)}\n`);
console.log('dist/waymark.config.json  valid');

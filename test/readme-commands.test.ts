import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from './helpers/poll.js';
import { unusedPort } from './helpers/unused-port.js';

// The README's commands, run as written: the demo of "Two commands" and the steps of "Add Waymark
// to your product", each on a fresh data directory and free ports. Needs `pnpm build` (the bins
// and the demo run the built packages), which `pnpm test` does first; nothing touches the network.
//
// How a README command becomes a workspace command:
// - `npm install [--save-dev] @waymark/x ...` links each workspace package into the project folder's
//   node_modules, as npm would install it (an unknown package fails the test);
// - `npx BIN ...` runs BIN from a package an earlier `npm install` put in the project (a bin nothing
//   installed fails the test); `serve` starts in the background and is waited for at /healthz;
// - `npx -y pnpm@10 install` is what this checkout already did; `npx -y pnpm@10 demo` runs the root
//   package.json's `demo` script after its `pnpm build` (done before the tests), with `--no-simulate`.
//
// Placeholders filled from earlier output (any other `...`, or an upper-case name with an underscore such as `SECRET_KEY`, fails the test):
// - `pk_...`, `sk_...`, `app_...`, `APP_ID`: the keys the last `apps create --json` printed;
// - `http://localhost:8787`: the collector started above, on a free port;
// - `https://waymark.example.com` (the script tag's origin): the same collector.
// `waymark.config.ts`, the file the reader writes, is the first example of docs/guides.md.

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The text under `## heading`, up to the next `## `; fails naming the heading when it is gone. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${heading}"`);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The fenced blocks of `lang` in a section (indented fences included), dedented. */
function blocks(text: string, lang: string, heading: string): string[] {
  const found = [...text.matchAll(new RegExp(`^([ \\t]*)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm'))].map(([, indent = '', body = '']) =>
    body
      .split('\n')
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n'),
  );
  if (found.length === 0) throw new Error(`README.md section "${heading}" has no \`\`\`${lang} block`);
  return found;
}

type Line = { command: string[]; expect?: string };

/** Shell lines of a block: `&&` splits, trailing `# comments` go, a whole-line `# {...}` is the expected output of the line before. */
function lines(block: string): Line[] {
  const out: Line[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const last = out.at(-1);
      if (last && line.slice(1).trim().startsWith('{')) last.expect = line.slice(1).trim();
      continue;
    }
    for (const part of line.replace(/\s+#\s.*$/, '').split('&&')) out.push({ command: words(part) });
  }
  return out;
}

/** Splits a command into words, honouring single and double quotes. */
function words(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

afterEach(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

type Started = { child: ChildProcess; output: () => string };

function start(args: string[], cwd: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function run(args: string[], cwd: string, env: Record<string, string>): Promise<string> {
  const { child, output } = start(args, cwd, env);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}:\n${output()}`);
  return output();
}

async function answers(url: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

async function waitFor(url: string, started: Started, what: string): Promise<void> {
  const last = await pollUntil(
    () => answers(url),
    (a) => a.status === 200 || started.child.exitCode !== null,
    45_000,
  );
  if (last.status !== 200) throw new Error(`${what} did not answer ${url} (${last.status} ${last.body}):\n${started.output()}`);
}

const workspacePackages = new Map(
  ['cli', 'collector', 'core', 'react', 'sdk'].map((dir) => {
    const pkgDir = join(root, 'packages', dir);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; bin?: Record<string, string> };
    return [pkg.name, { dir: pkgDir, bin: pkg.bin ?? {} }] as const;
  }),
);

describe('README.md commands', () => {
  it('"Add Waymark to your product": install, serve, apps create, script tag, validate and push work as written', async () => {
    const heading = 'Add Waymark to your product';
    const text = section(readme, heading);
    const steps = blocks(text, 'sh', heading).flatMap(lines);
    const [scriptTag] = blocks(text, 'html', heading);
    expect(steps.map((s) => s.command.slice(0, 2).join(' '))).toEqual(expect.arrayContaining(['npm install', 'npx waymark-collector', 'npx waymark']));

    const project = tempDir('waymark-readme-project-');
    const dataDir = tempDir('waymark-readme-data-');
    const port = await unusedPort();
    const base = `http://localhost:${port}`;
    const env = { WAYMARK_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
    const guidesConfig = blocks(
      section(readFileSync(join(root, 'docs/guides.md'), 'utf8'), '1. Write the config'),
      'ts',
      '1. Write the config (docs/guides.md)',
    );
    writeFileSync(join(project, 'waymark.config.ts'), guidesConfig[0] ?? '');

    const installed = new Map<string, string>(); // bin name -> script
    let keys: Record<string, string> | undefined;
    let served: Started | undefined;
    const fill = (word: string): string => {
      let out = word.replaceAll('http://localhost:8787', base);
      for (const [placeholder, key] of [
        ['pk_...', 'publicKey'],
        ['sk_...', 'secretKey'],
        ['app_...', 'appId'],
        ['APP_ID', 'appId'],
      ] as const) {
        if (!out.includes(placeholder)) continue;
        if (!keys) throw new Error(`README "${heading}": ${placeholder} is used before a command printed the keys`);
        out = out.replaceAll(placeholder, keys[key] ?? '');
      }
      if (/\.\.\.|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.test(out)) throw new Error(`README "${heading}": unknown placeholder in "${word}"`);
      return out;
    };

    for (const step of steps) {
      const [tool, ...rest] = step.command;
      if (tool === 'npm' && rest[0] === 'install') {
        for (const name of rest.slice(1).filter((w) => !w.startsWith('-'))) {
          const pkg = workspacePackages.get(name);
          if (!pkg) throw new Error(`README "${heading}": npm install ${name}, which is not a package of this repository`);
          const link = join(project, 'node_modules', name);
          mkdirSync(dirname(link), { recursive: true });
          if (!existsSync(link)) symlinkSync(pkg.dir, link, 'dir');
          for (const [bin, script] of Object.entries(pkg.bin)) installed.set(bin, join(pkg.dir, script));
        }
        continue;
      }
      if (tool !== 'npx') throw new Error(`README "${heading}": no workspace form for "${step.command.join(' ')}"`);
      const [bin = '', ...args] = rest;
      const script = installed.get(bin);
      if (!script) throw new Error(`README "${heading}": npx ${bin} runs before an npm install provides it`);
      const argv = [script, ...args.map(fill)];
      if (args[0] === 'serve') {
        served = start(argv, project, env);
        await waitFor(`${base}/healthz`, served, `npx ${bin} serve`);
        // The README says a first start creates an app and prints its keys.
        expect(served.output()).toMatch(/public key: +pk_\w+/);
        expect(served.output()).toMatch(/secret key: +sk_\w+/);
        continue;
      }
      const output = await run(argv, project, env);
      if (step.expect) {
        // The README shows what the command prints: same keys, values of the same form.
        const shown = JSON.parse(step.expect) as Record<string, string>;
        const printed = JSON.parse(output) as Record<string, string>;
        expect(Object.keys(printed).sort()).toEqual(Object.keys(shown).sort());
        for (const [k, v] of Object.entries(shown)) expect(printed[k]).toMatch(new RegExp(`^${v.replace('...', '')}\\w+$`));
        keys = printed;
      }
      if (args[0] === 'push') {
        // The pushed config is now the app's current version.
        const res = await fetch(`${base}/v1/admin/config`, { headers: { Authorization: `Bearer ${keys?.secretKey}` } });
        expect(res.status).toBe(200);
        expect(JSON.stringify(await res.json())).toContain('getting-started');
      }
      if (args[0] === 'validate') expect(output).toMatch(/valid/);
    }
    expect(served, `README "${heading}" starts no collector (npx waymark-collector serve)`).toBeDefined();
    expect(keys, `README "${heading}" creates no app (apps create --json)`).toBeDefined();

    // The script tag, with the collector's origin and the new public key, is the one serve prints
    // for its own app, and its SDK answers.
    const tag = (scriptTag ?? '').trim().replace('https://waymark.example.com', base);
    const servedTag = served?.output().match(/<script async src="[^"]+" data-key="pk_\w+"><\/script>/)?.[0];
    const shape = (t: string | undefined) => t?.replace(/src="https?:\/\/[^/]+/, 'src="ORIGIN').replace(/pk_(\.\.\.|\w+)/, 'pk_');
    expect(shape(tag)).toBe(shape(servedTag));
    const sdk = await answers(fill(tag.match(/src="([^"]+)"/)?.[1] ?? ''));
    expect(sdk.status).toBe(200);
    expect(fill(tag)).toContain(`data-key="${keys?.publicKey}"`);
  }, 90_000);

  it('"Two commands": the demo prints URLs that answer and stops cleanly on SIGTERM; the options of the simulate command exist', async () => {
    const heading = 'Two commands';
    const [demoBlock, simulateBlock] = blocks(section(readme, heading), 'sh', heading);
    const demoLine = lines(demoBlock ?? '').map((l) => l.command.join(' '));
    expect(demoLine, `README "${heading}": the first sh block installs and runs the demo`).toEqual(['npx -y pnpm@10 install', 'npx -y pnpm@10 demo']);
    expect(section(readme, heading)).toContain('pnpm demo --no-simulate');
    // `pnpm demo` is the root package.json script: `pnpm build` (done before the tests), then the script.
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const [build, demo, ...more] = (scripts['demo'] ?? '').split('&&').map((s) => s.trim());
    expect({ build, more }).toEqual({ build: 'pnpm build', more: [] });
    const [node, ...demoArgs] = words(demo ?? '');
    expect(node).toBe('node');

    const dataDir = tempDir('waymark-readme-demo-');
    const port = await unusedPort();
    const acmePort = await unusedPort();
    const demoRun = start([...demoArgs, '--no-simulate'], root, { WAYMARK_DATA_DIR: dataDir, PORT: String(port), ACME_PORT: String(acmePort) });
    const printed = await pollUntil(
      async () => demoRun.output(),
      (o) => o.includes('Ctrl+C stops both') || demoRun.child.exitCode !== null,
      60_000,
      100,
    );
    expect(printed, 'the demo did not start').toContain('Waymark demo is running.');
    const url = (label: string): string => {
      const found = printed.match(new RegExp(`${label}: +(http://\\S+)`))?.[1];
      if (!found) throw new Error(`the demo printed no URL for "${label}":\n${printed}`);
      return found;
    };
    const acmeLogin = url('Acme Projects \\(the example product\\)');
    const collector = url('Collector');
    const dashboard = url('CSM dashboard');
    expect(acmeLogin).toBe(`http://localhost:${acmePort}/login.html`);
    expect(collector).toBe(`http://localhost:${port}`);
    expect((await answers(`${collector}/healthz`)).status).toBe(200);
    expect((await answers(`${dashboard}/`)).body).toContain('<title>Waymark</title>');
    expect((await answers(acmeLogin)).status).toBe(200);
    expect(printed).toContain('log in as demo@waymark.local, password ');
    // The curl line it prints reads the events back with the demo's secret key.
    const curl = printed.match(/curl -s -H "Authorization: Bearer (sk_\w+)" '([^']+)'/);
    expect(curl).not.toBeNull();
    const events = await fetch(curl?.[2] ?? '', { headers: { Authorization: `Bearer ${curl?.[1]}` } });
    expect(events.status).toBe(200);

    // "To add a population to a demo that is running": the root package.json's `simulate` script.
    // Sending a population takes longer than this test may, so the README's arguments run with
    // --dry-run (they parse, the population is generated), and every option the README's table
    // names is one `--help` lists.
    const [simulate] = lines(simulateBlock ?? '');
    const [npx, yes, pnpm, name, ...simulateArgs] = simulate?.command ?? [];
    expect([npx, yes, pnpm, name], `README "${heading}": the second sh block runs pnpm simulate`).toEqual(['npx', '-y', 'pnpm@10', 'simulate']);
    const [simulateNode, ...simulateScript] = words(scripts['simulate'] ?? '');
    expect(simulateNode).toBe('node');
    const simulateEnv = { WAYMARK_DATA_DIR: dataDir, PORT: String(port) };
    expect(await run([...simulateScript, ...simulateArgs, '--dry-run'], root, simulateEnv)).toMatch(
      /Simulated \d+ accounts and \d+ users[\s\S]*Dry run, nothing sent/,
    );
    const help = await run([...simulateScript, '--help'], root, simulateEnv);
    const tableOptions = [...section(readme, heading).matchAll(/^\| `(--[a-z-]+)[^|]*\|/gm)].flatMap(([row]) =>
      [...row.matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]),
    );
    expect(tableOptions.length).toBeGreaterThan(5);
    for (const option of [...tableOptions, ...simulateArgs.filter((a) => a.startsWith('--'))]) expect(help).toMatch(new RegExp(`^  ${option}\\b`, 'm'));

    demoRun.child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => demoRun.child.once('exit', r));
    expect({ code, output: demoRun.output() }).toMatchObject({ code: 0 });
  }, 90_000);
});

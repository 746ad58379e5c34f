// Makes sure a system Chromium exists for the end-to-end tests. Never downloads a browser build:
// it uses CHROMIUM_PATH or /usr/bin/chromium, and otherwise installs Debian's package when it can.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function hasApt() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function main() {
  const wanted = process.env.CHROMIUM_PATH ?? DEFAULT_PATH;
  if (existsSync(wanted)) return 0;
  if (process.env.CHROMIUM_PATH !== undefined) {
    console.error(`CHROMIUM_PATH is set to ${wanted}, which does not exist. Point it at a Chromium binary, or unset it to use ${DEFAULT_PATH}.`);
    return 1;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasApt()) {
    console.log(`No Chromium at ${DEFAULT_PATH}: installing Debian's chromium package with apt-get.`);
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    if (existsSync(DEFAULT_PATH)) return 0;
    console.error(`apt-get finished but ${DEFAULT_PATH} is still missing.`);
    return 1;
  }
  console.error(
    [
      `The end-to-end tests need Chromium and none was found at ${DEFAULT_PATH}.`,
      'Install it with your system package manager, e.g. `sudo apt-get install -y chromium` on Debian/Ubuntu,',
      'or set CHROMIUM_PATH to an existing Chromium or Chrome binary.',
    ].join('\n'),
  );
  return 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`ensure-chromium: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

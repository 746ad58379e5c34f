import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const cli = fileURLToPath(new URL('../../packages/collector/bin/waymark-collector.js', import.meta.url));

/** Creates an app through the CLI against `storageEnv` (DATABASE_URL or WAYMARK_DATA_DIR); returns its keys. */
export async function createBenchApp(storageEnv) {
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'apps', 'create', '--name', 'bench', '--origin', '*', '--json'], {
    env: { ...process.env, DATABASE_URL: '', WAYMARK_DATA_DIR: '', ...storageEnv },
  });
  return JSON.parse(stdout);
}

/**
 * Runs `waymark-collector serve` in a child process on a free port and resolves once it logs
 * "collector started"; `stop()` sends SIGTERM and waits for the exit (the collector drains and
 * closes its database first, which also releases a PGlite data directory).
 */
export async function startCollectorProcess(storageEnv) {
  const child = spawn(process.execPath, [...(process.env.BENCH_COLLECTOR_NODE_ARGS ?? '').split(' ').filter(Boolean), cli, 'serve'], {
    env: { ...process.env, DATABASE_URL: '', WAYMARK_DATA_DIR: '', ...storageEnv, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = once(child, 'exit');
  child.stderr.on('data', (d) => (log += d));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      log += d;
      const m = /"msg":"collector started".*?"url":"([^"]+)"/.exec(log);
      if (m) resolve(m[1]);
    });
    exited.then(() => reject(new Error(`the collector exited before starting:\n${log}`)));
  });
  return {
    url,
    pid: child.pid,
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { ContractViolation } from '../src/http/check-responses.js';
import { contract } from './fixtures.js';

/** The built `waymark-collector` command (the root test command builds before testing). */
export const bin = fileURLToPath(new URL('../bin/waymark-collector.js', import.meta.url));

/** Runs a CLI command to completion. */
export function cli(args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The environment of a collector on the embedded database in a fresh data directory named
 * `prefix…`. Call it inside a describe: the directory is made before its tests and removed after.
 */
export function embeddedDataEnv(prefix: string): Record<string, string> {
  const env: Record<string, string> = { DATABASE_URL: '' };
  beforeAll(() => {
    env['WAYMARK_DATA_DIR'] = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(env['WAYMARK_DATA_DIR']!, { recursive: true, force: true }));
  return env;
}

/** A `serve` process and its URL, read from its "collector started" log line. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** Reports the `contract violation` log lines of a served collector to this test file's contract record. */
function reportViolations(text: string): void {
  for (const line of text.split('\n')) {
    if (!line.includes('"msg":"contract violation"')) continue;
    const { method, path, route, status, problem } = JSON.parse(line) as ContractViolation;
    contract.violation({ method, path, route, status, problem });
  }
}

/**
 * Starts `waymark-collector serve` on a free port and waits until it listens. Its answers are
 * checked against the API contract (WAYMARK_CHECK_RESPONSES=1); violations it logs are recorded.
 */
export function serveProcess(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WAYMARK_CHECK_RESPONSES: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      // Kept with the output, so a failed exit assertion says how the process ended.
      if (signal) err += `\n[the collector process ended by signal ${signal}]\n`;
      resolve(code);
    }),
  );
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      // Whole lines only: a log line may arrive in two chunks.
      pending += d;
      const end = pending.lastIndexOf('\n') + 1;
      reportViolations(pending.slice(0, end));
      pending = pending.slice(end);
      const m = /"msg":"collector started","url":"([^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stderr: () => err, stdout: () => out, exited });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited with ${code}: ${err}`));
    });
  });
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, isAlive, lockDataDir } from './data-dir-lock.js';

const dirs: string[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'waymark-lock-'));
  dirs.push(d);
  return d;
};
const writeLock = (dir: string, pid: number) =>
  writeFileSync(join(dir, 'waymark.lock'), JSON.stringify({ pid, command: 'serve', since: '2026-01-01T00:00:00.000Z' }));

/**
 * A process killed with SIGKILL whose parent never reaps it: `sh` starts `sleep` in the
 * background and becomes another `sleep`, which never waits for its children.
 */
async function zombie(): Promise<number> {
  const parent = spawn('sh', ['-c', 'sleep 300 & echo $!; exec sleep 300'], { stdio: ['ignore', 'pipe', 'ignore'] });
  cleanups.push(() => parent.kill('SIGKILL'));
  const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return pid;
}

describe('the data directory lock', () => {
  it('refuses a directory held by a live process, naming it', () => {
    const dir = tempDir();
    const live = spawn('sleep', ['300'], { stdio: 'ignore' });
    cleanups.push(() => live.kill('SIGKILL'));
    writeLock(dir, live.pid!);
    expect(() => lockDataDir(dir, 'apps create')).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir, 'apps create')).toThrow(`pid ${live.pid}`);
  });

  it('takes over a lock left by a process killed and not yet reaped', async () => {
    const dir = tempDir();
    const pid = await zombie();
    // The zombie still answers signal 0: this is what made an immediate restart fail.
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(isAlive(pid)).toBe(false);
    writeLock(dir, pid);
    const release = lockDataDir(dir, 'serve');
    release();
  });

  it('takes over a lock left by a process that is gone, and removes it on release', () => {
    const dir = tempDir();
    writeLock(dir, 2 ** 22 + 12345);
    const release = lockDataDir(dir, 'serve');
    expect(readFileSync(join(dir, 'waymark.lock'), 'utf8')).toContain(`"pid":${process.pid}`);
    release();
    release();
    expect(existsSync(join(dir, 'waymark.lock'))).toBe(false);
  });
});

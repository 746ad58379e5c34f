import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Raised when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: { pid: number; command: string; since: string },
  ) {
    super(
      `The data directory ${dir} is in use by another Waymark process (pid ${holder.pid}, "${holder.command}", since ${holder.since}).\n` +
        `The embedded database (PGlite) allows one process per data directory, so this command did not open it.\n` +
        `Do one of these instead:\n` +
        `  - stop the running collector (Ctrl+C or kill ${holder.pid}), run this command, then start the collector again;\n` +
        `  - point this command at another directory with WAYMARK_DATA_DIR;\n` +
        `  - run on PostgreSQL (set DATABASE_URL), where any number of processes can share the database.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Whether a process still runs. A process that was killed but not yet reaped by its parent (a
 * zombie, e.g. right after `kill -9` under a supervisor) still answers signal 0; on Linux its
 * state in /proc says it is gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true; // no /proc (macOS) or not readable: trust the signal
  }
  // "pid (command) state ...": the command may hold spaces and parentheses, so read after the last ")".
  const state = stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  return state !== 'Z' && state !== 'X';
}

/**
 * Takes the exclusive lock file `waymark.lock` in `dir` for this process. A lock left by a
 * dead process (crash, SIGKILL) is taken over. Returns the release function.
 */
export function lockDataDir(dir: string, command: string): () => void {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const file = join(abs, 'waymark.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, command, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; command: string; since: string } | undefined;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        holder = undefined;
      }
      if (holder && typeof holder.pid === 'number' && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(abs, holder);
      }
      // Stale (the holder died) or unreadable: remove it and try again.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${abs}; remove ${file} if no Waymark process is running.`);
}

import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

// Linux reports process CPU time in clock ticks; 100 per second on every mainstream kernel config.
const ticksPerSecond = 100;

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function postgresTicks() {
  const ticks = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const t = processTicks(entry);
    if (t !== undefined) ticks.set(entry, t);
  }
  return ticks;
}

function machineTicks() {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  return { total: values.reduce((a, b) => a + b, 0), idle: values[3] + values[4] };
}

/**
 * Starts measuring CPU time of this process, an optional child (the collector), every local
 * `postgres` process, and the whole machine; `stop()` returns each as % of one core (machine
 * idle as % of all cores, `other` as % of one core used by anything else). Call `stop()` while
 * the processes measured still run: a database connection's time is lost once it closes. Reads /proc, so it answers `undefined` fields off Linux.
 */
export function startCpuSampler({ childPid } = {}) {
  if (process.platform !== 'linux') return { stop: () => ({}) };
  const started = performance.now();
  const self = process.cpuUsage();
  const child = childPid ? processTicks(childPid) : undefined;
  const pg = postgresTicks();
  const machine = machineTicks();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const pct = (ticks) => Math.round((ticks / ticksPerSecond / seconds) * 100);
      const used = process.cpuUsage(self);
      let pgTicks = 0;
      for (const [pid, t] of postgresTicks()) pgTicks += t - (pg.get(pid) ?? 0);
      const childNow = childPid ? processTicks(childPid) : undefined;
      const m = machineTicks();
      const idle = (m.idle - machine.idle) / (m.total - machine.total);
      const out = {
        bench: Math.round(((used.user + used.system) / 1e6 / seconds) * 100),
        collector: child !== undefined && childNow !== undefined ? pct(childNow - child) : undefined,
        postgres: pct(pgTicks),
        idle: Math.round(idle * 100),
      };
      // Whatever else ran on the machine meanwhile (other jobs skew the numbers; this shows by how much).
      out.other = Math.max(0, Math.round((1 - idle) * availableParallelism() * 100 - out.bench - (out.collector ?? 0) - out.postgres));
      return out;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createProgress } from './create-progress.js';

describe('createProgress', () => {
  it('redraws one bar on a terminal with events, events/s and ETA', () => {
    let t = 0;
    const out: string[] = [];
    const p = createProgress({ isTTY: true, columns: 120, write: (s) => out.push(s) }, 1000, { now: () => t });
    t = 1000;
    p.update(250);
    t = 1050;
    p.update(300); // within 100 ms of the last draw: skipped
    t = 2000;
    p.update(500);
    p.done();
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^\r\[#+\.+\] {2}25% {2}250 \/ 1,000 events {2}250 events\/s {2}ETA 0:03\x1b\[K$/);
    expect(out[2]!.endsWith('\n')).toBe(true);
  });

  it('prints plain lines every few seconds elsewhere', () => {
    let t = 0;
    const out: string[] = [];
    const p = createProgress({ write: (s) => out.push(s) }, 100, { now: () => t, plainEveryMs: 5000 });
    for (t = 0; t <= 12_000; t += 1000) p.update(t / 200);
    p.done();
    expect(out).toHaveLength(4);
    expect(out.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(out[3]).toContain('60 / 100 events');
  });
});

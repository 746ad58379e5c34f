import { expect, it, vi } from 'vitest';
import { startJobs } from './start-jobs.js';

it('runs each job on its own timer, logs a failure under the job name, and stops every job on cleanup after the runs in progress', async () => {
  vi.useFakeTimers();
  try {
    const runs = { fast: 0, slow: 0 };
    let slowDone = false;
    const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
    const slow = () => new Promise<void>((resolve) => setTimeout(() => resolve(void (slowDone = true)), 30));
    const fast = async () => {
      if (++runs.fast === 2) throw new Error('boom');
    };
    const stop = startJobs(
      [
        { name: 'fast job', everyMs: 10, run: fast },
        { name: 'slow job', everyMs: 100, run: () => (runs.slow++, slow()) },
      ],
      { warn: (msg, fields) => warnings.push([msg, fields]) },
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual({ fast: 10, slow: 1 });
    expect(warnings).toEqual([['fast job failed; retrying later', { error: 'boom' }]]);
    // The slow run started at 100 ms ends at 130 ms: the cleanup waits for it.
    const stopping = stop().then(() => slowDone);
    await vi.advanceTimersByTimeAsync(30);
    expect(await stopping).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual({ fast: 10, slow: 1 });
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});

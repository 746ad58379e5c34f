import { expect, it, vi } from 'vitest';
import { startJobs } from './start-jobs.js';

it('runs each job on its own timer, logs a failure under the job name, and stops every job on cleanup after the runs in progress', async () => {
  vi.useFakeTimers();
  try {
    const runs = { fast: 0, slow: 0 };
    let release: () => void = () => {};
    const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
    const stop = startJobs(
      [
        {
          name: 'fast job',
          everyMs: 10,
          run: async () => {
            runs.fast++;
            if (runs.fast === 2) throw new Error('boom');
          },
        },
        { name: 'slow job', everyMs: 100, run: () => (runs.slow++, new Promise<void>((resolve) => (release = resolve))) },
      ],
      { warn: (msg, fields) => warnings.push([msg, fields]) },
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual({ fast: 10, slow: 1 });
    expect(warnings).toEqual([['fast job failed; retrying later', { error: 'boom' }]]);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual({ fast: 10, slow: 1 });
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});

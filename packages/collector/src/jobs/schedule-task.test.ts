import { expect, it, vi } from 'vitest';
import { scheduleTask } from './schedule-task.js';

it('runs the task on every tick, one run at a time, reports failures, and stops on cleanup after the run in progress', async () => {
  vi.useFakeTimers();
  try {
    let runs = 0;
    let release: () => void = () => {};
    const errors: string[] = [];
    const stop = scheduleTask(
      () => {
        runs++;
        if (runs === 1) return Promise.reject(new Error('boom'));
        return new Promise<void>((resolve) => (release = resolve));
      },
      { everyMs: 100, onError: (e) => errors.push(e.message) },
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
    expect(errors).toEqual(['boom']);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    // Still running: later ticks are skipped.
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toBe(2);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});

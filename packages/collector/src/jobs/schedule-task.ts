/**
 * Runs `task` every `everyMs` (never two at once; a tick while one runs is skipped) until the
 * returned cleanup is called, which waits for a run in progress. Failures go to `onError` and the
 * task runs again on the next tick. The timer does not keep the process alive.
 */
export function scheduleTask(task: () => Promise<unknown>, options: { everyMs: number; onError: (error: Error) => void }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const tick = () => {
    if (busy || stopped) return;
    busy = true;
    running = task()
      .catch((error: Error) => {
        if (!stopped) options.onError(error);
      })
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

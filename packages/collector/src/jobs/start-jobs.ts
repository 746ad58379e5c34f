import type { Logger } from '../log.js';
import type { Job } from './job.js';
import { scheduleTask } from './schedule-task.js';

/**
 * Starts each job on its own timer (one run of a job at a time). A failed run is logged as a
 * warning and the job runs again on its next tick. Returns the cleanup: it stops every timer, then
 * waits for the runs in progress.
 */
export function startJobs(jobs: readonly Job[], log: Pick<Logger, 'warn'>): () => Promise<void> {
  const stops = jobs.map((job) =>
    scheduleTask(job.run, { everyMs: job.everyMs, onError: (error) => log.warn(`${job.name} failed; retrying later`, { error: error.message }) }),
  );
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

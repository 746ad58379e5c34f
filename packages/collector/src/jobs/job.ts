/**
 * A background job of every collector: `run` every `everyMs` (work that must happen in one
 * collector at a time takes an advisory lock inside `run`).
 */
export interface Job {
  /** Names the job in the log: "<name> failed; retrying later". */
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

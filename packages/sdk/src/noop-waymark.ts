import type { Waymark } from './types.js';

/** An instance that does nothing: what `createWaymark` returns where it cannot run (no DOM, e.g. SSR). */
export function noopWaymark(): Waymark {
  const nothing = (): void => undefined;
  return {
    identify: nothing,
    group: nothing,
    track: nothing,
    page: nothing,
    reset: nothing,
    consent: nothing,
    flush: () => Promise.resolve(),
    destroy: nothing,
  };
}

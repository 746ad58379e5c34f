import { stubMethods } from './replay-stub.js';
import type { Waymark } from './types.js';

/** An instance that does nothing: what `createWaymark` returns where it cannot run (no DOM, e.g. SSR). */
export function noopWaymark(): Waymark {
  const nothing = (): void => undefined;
  return {
    ...(Object.fromEntries([...stubMethods, 'destroy', 'gate'].map((m) => [m, nothing])) as unknown as Waymark),
    flush: () => Promise.resolve(),
    isUnlocked: () => false,
    onGateChange: () => nothing,
  };
}

import type { Waymark } from './types.js';

/**
 * The methods the snippet's stub queues (everything but `destroy`). The UI methods are the slice
 * 7–12, in the order `createWaymark` wants them (the first four load the UI chunk).
 */
export const stubMethods = [
  'identify',
  'group',
  'track',
  'page',
  'reset',
  'consent',
  'flush',
  'startGuide',
  'showChecklist',
  'debug',
  'preview',
  'ui',
  'quiet',
  'onGateChange',
] as const;

type StubMethod = (typeof stubMethods)[number];

const isStubMethod = (v: unknown): v is StubMethod => (stubMethods as readonly unknown[]).includes(v);

/** Replays, in order, the `[method, ...args]` calls the snippet's stub queued before the tracker loaded. */
export function replayStub(stub: unknown, waymark: Waymark): void {
  if (!Array.isArray(stub)) return;
  for (const call of stub as unknown[]) {
    if (!Array.isArray(call) || !isStubMethod(call[0])) continue;
    // Each method is guarded and drops bad arguments, so the arguments need no checking here.
    (waymark[call[0]] as (...args: unknown[]) => unknown)(...call.slice(1));
  }
}

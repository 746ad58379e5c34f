import { WAYMARK_METHODS, type QueuedCall, type WaymarkQueue } from './waymark.js';

/**
 * Installs the queue stub on `win.waymark` unless the real SDK is already there, so calls made
 * before `waymark.js` loads are kept (the analytics.js convention). Returns what is now installed.
 */
export function installWaymarkStub(win: Window): Window['waymark'] {
  const existing = win.waymark;
  if (existing !== undefined && !Array.isArray(existing)) return existing;
  const queue = (existing ?? []) as WaymarkQueue;
  const methods = queue as unknown as Record<string, unknown>;
  for (const method of WAYMARK_METHODS) {
    if (typeof methods[method] === 'function') continue;
    methods[method] = (...args: unknown[]): WaymarkQueue => {
      queue.push([method, ...args] as QueuedCall);
      return queue;
    };
  }
  win.waymark = queue;
  return queue;
}

import type { Properties, WaymarkApi, WaymarkMethod } from './waymark.js';

/** What the app calls; each call goes to whatever `window.waymark` is at that moment. */
export type Analytics = Pick<WaymarkApi, 'identify' | 'group' | 'track' | 'page' | 'reset'>;

/**
 * Forwards calls to `win.waymark` at call time (the stub is swapped for the real SDK when it
 * loads) and never lets an analytics failure break the product.
 */
export function createAnalytics(win: Window): Analytics {
  function call(method: WaymarkMethod, ...args: unknown[]): void {
    try {
      const target = win.waymark as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>;
      target?.[method]?.(...args);
    } catch {
      // Analytics must never take the product down with it.
    }
  }
  return {
    identify: (userId: string, traits?: Properties) => call('identify', userId, traits),
    group: (groupId: string, traits?: Properties) => call('group', groupId, traits),
    track: (event: string, properties?: Properties) => call('track', event, properties),
    page: (name?: string, properties?: Properties) => call('page', name, properties),
    reset: () => call('reset'),
  };
}

/** Trait and property bags sent with Waymark calls. */
export type Properties = Record<string, unknown>;

/** The public Waymark browser API this app relies on (the SDK's script-tag contract). */
export interface WaymarkApi {
  identify(userId: string, traits?: Properties): unknown;
  group(groupId: string, traits?: Properties): unknown;
  track(event: string, properties?: Properties): unknown;
  page(name?: string, properties?: Properties): unknown;
  reset(): unknown;
  consent(...args: unknown[]): unknown;
  flush(): unknown;
}

/** A method name of the Waymark API. */
export type WaymarkMethod = keyof WaymarkApi;

/** One call recorded by the stub before the SDK loads: `[method, ...args]`. */
export type QueuedCall = [WaymarkMethod, ...unknown[]];

/** The analytics.js-style stub: an array of queued calls that also has the API's methods. */
export type WaymarkQueue = QueuedCall[] & WaymarkApi;

declare global {
  interface Window {
    waymark?: WaymarkApi | WaymarkQueue;
  }
}

/** Every method the stub must accept, in the order the SDK documents them. */
export const WAYMARK_METHODS: readonly WaymarkMethod[] = ['identify', 'group', 'track', 'page', 'reset', 'consent', 'flush'];

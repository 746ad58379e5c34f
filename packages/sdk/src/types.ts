import type { FlushRules } from '@waymark/core';
import type { Platform } from './platform.js';

/** Free-form properties of a track or page call, or traits of a user or account. */
export type Properties = Record<string, unknown>;

/** The tracker's public API, the same on `window.waymark` and from `createWaymark()`. */
export interface Waymark {
  /** Says who the user is; later messages carry this `userId`. */
  identify(userId: string | number, traits?: Properties): void;
  /** Says which account (customer company) the user belongs to; later messages carry `context.groupId`. */
  group(accountId: string | number, traits?: Properties): void;
  /** Records that the user did something. */
  track(event: string, properties?: Properties): void;
  /** Records a page view (sent automatically on load and on route changes). */
  page(name?: string, properties?: Properties): void;
  /** Records a page view with properties and no name. */
  page(properties: Properties): void;
  /** Forgets the user (logout): clears userId, groupId and traits and starts a fresh anonymousId. */
  reset(): void;
  /** Grants or withdraws consent; withdrawing drops everything queued and stops collection. Persisted. */
  consent(granted: boolean): void;
  /** Sends everything queued now; resolves when done or failed (never rejects). */
  flush(): Promise<void>;
  /** Removes every listener, history patch and timer this instance installed. */
  destroy(): void;
}

/** Options of `createWaymark`. */
export interface WaymarkOptions {
  /** The app's public key (`pk_...`). */
  key: string;
  /** The collector's base URL, e.g. `https://collector.example.com`. */
  api: string;
  /** Send a `page` on start and on every route change (default true). */
  autoPage?: boolean;
  /** Record clicks inside `[data-waymark-feature]` as `Feature Used` (default true). */
  featureClicks?: boolean;
  /** When the queue is sent (defaults from core's `defaultFlushRules`). */
  flush?: Partial<FlushRules>;
  /** Most messages kept queued; the oldest are dropped (and counted) beyond it (default 1000). */
  maxQueue?: number;
  /** Capabilities to replace (tests, other runtimes); the browser's are used otherwise. */
  platform?: Partial<Platform>;
}

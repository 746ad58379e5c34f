import type { FlushRules } from '@waymark/core';
import type { GateView } from './gate-lock.js';
import type { Platform } from './platform.js';

export type { GateView };

/** Free-form properties of a track or page call, or traits of a user or account. */
export type Properties = Record<string, unknown>;

/** The tracker's public API, the same on `window.waymark` and from `createWaymark()`. */
export interface Waymark {
  /**
   * Says who the user is; later messages carry this `userId`. With identity verification on, pass
   * `{ userHash }` (HMAC-SHA256 of the userId with the app's secret key, computed by your server).
   */
  identify(userId: string | number, traits?: Properties, verify?: { userHash?: string }): void;
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
  /** Starts the guide (tour) with this key, loading the UI if needed. */
  startGuide(key: string): void;
  /** Opens a checklist's panel (the first one that applies without a key). */
  showChecklist(key?: string): void;
  /** Shows (or hides) the debug panel explaining why each checklist and guide is or is not showing. */
  debug(on?: boolean): void;
  /** Sets UI options, e.g. translated strings: `ui({ strings: { next: 'Weiter' } })`. */
  ui(settings: UiSettings): void;
  /**
   * Whether the gated feature is unlocked for the user. False while its state is not known yet
   * (first visit, before the config loaded): a gate fails closed. Keys that are not gates: false.
   */
  isUnlocked(key: string): boolean;
  /** The gate's state: unlocked, why, how it looks locked, progress and what is left; undefined while not known. */
  gate(key: string): GateView | undefined;
  /** Calls `cb` with the gate's state now (when known) and whenever it changes; returns the cleanup. */
  onGateChange(key: string, cb: (view: GateView) => void): () => void;
  /** `quiet(true)`: no nudges, hints or celebrations until `quiet(false)`, for moments that must not be interrupted. */
  quiet(on?: boolean): void;
  /**
   * Shows the guide or checklist with this key to you, ignoring its audience, trigger and the
   * frequency budget, marked as a preview; sends no onboarding events. For authors.
   */
  preview(key: string): void;
  /** Removes every listener, history patch and timer this instance installed. */
  destroy(): void;
}

/** Options of the UI (checklists, guides); every field is optional. */
export interface UiSettings {
  /** Replacements for the built-in strings (see docs/sdk.md for the keys and their placeholders). */
  strings?: Record<string, string>;
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
  /**
   * URL of the UI chunk (checklists and guides), loaded only when something must be shown;
   * `false` turns guidance off (no config or state requests). Default `${api}/sdk/waymark-ui.js`.
   */
  ui?: string | false;
  /** Capabilities to replace (tests, other runtimes); the browser's are used otherwise. */
  platform?: Partial<Platform>;
}

import type { ConfigBody, GuideState, UserState } from '@waymark/core';
import type { GateView } from './gate-lock.js';
import type { Identity } from './identity.js';
import type { Platform } from './platform.js';

/**
 * A guide's position as the UI keeps it: the collector's (core's `GuideState`, `at` an ISO date)
 * or one this browser recorded (`at` in ms since the epoch).
 */
export type GuidePosition = Omit<GuideState, 'at'> & { at: number | string };

/** A message the tracker recorded, as the UI sees it (for local evaluation and identity changes). */
export interface RecordedMessage {
  type: 'track' | 'identify' | 'group' | 'page';
  event?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  userId?: string | number | null;
}

/** An `onGateChange` subscription; the tracker clears `cb` to unsubscribe. */
export interface GateWatcher {
  key: string;
  cb?: ((view: GateView) => void) | undefined;
}

/** The UI's settings (`waymark.ui(settings)`). */
export interface UiSettings {
  /** Replacements for built-in strings, by key; anything else is ignored. */
  strings?: unknown;
}

/**
 * A call of a UI method, queued by the tracker until the UI chunk runs it: the method's name and
 * its arguments as the public API types them. The host app may pass anything at run time: the UI
 * checks the values it uses.
 */
export type UiCommand =
  | ['startGuide', [key: string]]
  | ['showChecklist', [key?: string]]
  | ['debug', [on?: boolean]]
  | ['ui', [settings?: UiSettings]]
  | ['quiet', [on?: boolean]]
  | ['onGateChange', [watcher: GateWatcher]]
  | ['preview', [key: string]]
  /** `reset()` was called (the UI starts a preview over). */
  | ['reset', []]
  /** A locked control was pressed (the UI's own guard). */
  | ['gateHint', [el: Element]];

/**
 * What the tracker hands the lazily loaded UI chunk: capabilities, never the tracker itself.
 * The chunk defines `window.__waymarkUi(host)`, which returns a `UiHandle`.
 */
export interface UiHost {
  /**
   * The config and the user's state as the tracker fetched them (undefined where a request failed
   * or found none), and the userId the state is for (undefined: the anonymous visitor's).
   */
  ready: Promise<[ConfigBody | undefined, UserState | undefined, string | undefined]>;
  /** Fetches a JSON resource of the collector with the app's key (simple GET); undefined unless 200. */
  get<T>(path: string, params?: Record<string, string | undefined>): Promise<T | undefined>;
  identity: Identity;
  platform: Platform;
  /** Records an event through the tracker's queue (what the onboarding events use). */
  track(event: string, properties: Record<string, unknown>): void;
  /** Listeners called with every message recorded (add and delete to subscribe). */
  listeners: Set<(message: RecordedMessage) => void>;
  /** Calls made before the chunk loaded, in order. */
  commands: UiCommand[];
  /** The UI chunk's URL (the debug chunk sits next to it). */
  ui: string;
  /** The document stylesheet of the gates' lock, adopted by the tracker; the UI keeps it current. */
  sheet: CSSStyleSheet;
}

/** What the UI chunk returns: runs a command, and removes everything it added to the page. */
export interface UiHandle {
  command(command: UiCommand): void;
  destroy(): void;
}

/** The global the UI chunk defines when its script loads. */
export const uiGlobal = '__waymarkUi';

/** The global the debug chunk (`waymark-debug.js`, loaded by the UI in debug mode) defines. */
export const debugGlobal = '__waymarkDebug';

/** The global the assistant chunk (`waymark-assistant.js`, loaded by the UI when its panel first opens) defines. */
export const assistantGlobal = '__waymarkAssistant';

/** The global the stuck-detection chunk (`waymark-stuck.js`, loaded by the UI while a checklist item is pending) defines. */
export const stuckGlobal = '__waymarkStuck';

/** localStorage key of the active guide's position (read by the tracker to know the UI is needed). */
export const guideStorageKey = 'waymark.guide';

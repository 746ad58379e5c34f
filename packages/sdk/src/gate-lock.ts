import type { KeyValueStorage } from './platform.js';
import { readJson } from './stored-item.js';

/** Where one user stands on one gate, as the UI chunk computed it (core's `gateState`, with titles). */
export interface GateView {
  key: string;
  unlocked: boolean;
  /** `condition`: unlocked by its condition; `override`: a CSM decided; `locked`: the condition does not hold yet. */
  reason: 'condition' | 'override' | 'locked';
  /** How the feature looks while locked. */
  locked: 'disable' | 'hide' | 'teaser';
  /** Checklist items the unlock condition asks for, and how many are done. */
  progress?: { done: number; total: number };
  /** What is left to do, in order. */
  todo: Array<{ checklist: string; item: string; title: string }>;
}

/** What the UI chunk computes and stores for the next page: the lock's stylesheet and selector, the states. */
export interface GateLockState {
  /** Rules that make locked controls look locked (and hide the `hide` ones). */
  css: string;
  /** Matches every locked element (empty: none). */
  sel: string;
  /** `css`, and no pointer input on locked elements: what the tracker applies until the UI's guard runs. */
  pre: string;
  views: Record<string, GateView>;
}

/** localStorage key of the lock the UI chunk last computed, so a page locks before any request. */
export const gateStorageKey = 'waymark.gates';

/** The lock the UI chunk last stored, if any. */
export function storedGates(storage: KeyValueStorage | undefined): GateLockState | undefined {
  return readJson(storage, gateStorageKey) as GateLockState | undefined;
}

/**
 * The tracker's first-frame lock, before the UI chunk (which takes the stylesheet over) loads: the
 * stored stylesheet, adopted by the document (a strict CSP allows it), applies to gated elements
 * rendered at any time; until the UI's guard runs they also take no pointer input (`pre`). On a
 * first visit nothing is stored: gated elements lock once the UI has the config. The guidance
 * clears the sheet when the UI is not loaded (e.g. the config no longer has gates).
 */
export function preLockGates(storage: KeyValueStorage | undefined): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(storedGates(storage)?.pre ?? '');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

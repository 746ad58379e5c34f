import type { KeyValueStorage } from './platform.js';
import { readJson } from './stored-item.js';

/** Where one user stands on one checklist, as the UI chunk computed it (core's `checklistProgress`, with titles). */
export interface ChecklistView {
  key: string;
  title: string;
  /** Items done, and how many there are. */
  done: number;
  total: number;
  complete: boolean;
  /** The user dismissed it. */
  dismissed: boolean;
  /** Whether the checklist's audience selects the user. */
  audience: boolean;
  /** The first item not done yet, if any. */
  next?: string;
  /** Every item in order. */
  items: Array<{ key: string; title: string; done: boolean }>;
}

/** localStorage key of the checklists the UI chunk last computed. */
export const checklistStorageKey = 'waymark.checklists';

/** The window event the UI chunk dispatches after it stored new checklist views. */
export const checklistEvent = 'waymark:checklists';

/**
 * The checklists as the UI chunk last computed them, by key; undefined before it ever did in this
 * browser (the UI loads only while something must be shown). `storage` defaults to localStorage.
 */
export function storedChecklists(storage?: KeyValueStorage): Record<string, ChecklistView> | undefined {
  let s = storage;
  try {
    s ??= window.localStorage;
  } catch {
    // storage blocked: nothing is known
  }
  return readJson(s, checklistStorageKey) as Record<string, ChecklistView> | undefined;
}

/** Calls `cb` whenever the UI chunk stores new checklist views; returns the cleanup. */
export function onChecklistsChange(cb: () => void): () => void {
  window.addEventListener(checklistEvent, cb);
  return () => window.removeEventListener(checklistEvent, cb);
}

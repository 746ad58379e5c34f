import type { KeyValueStorage, Platform } from '../platform.js';

const key = 'waymark.session';

/** The platform's per-tab storage (sessionStorage by default), or undefined where it is blocked. */
export function tabStorage(platform: Platform): KeyValueStorage | undefined {
  return 'sessionStorage' in platform ? platform.sessionStorage : browserSessionStorage();
}

function browserSessionStorage(): Storage | undefined {
  try {
    // Reading the property throws when storage is blocked (sandboxed iframes, some privacy modes).
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The tab's session id, what nudge budgets per session count: kept in the platform's per-tab
 * storage (sessionStorage by default) so it survives reloads of the tab, new in a new tab, and a
 * fresh one on every load where that storage is blocked. Random from the platform's bytes.
 */
export function sessionId(platform: Platform): string {
  const store = tabStorage(platform);
  const fresh = (): string => platform.randomBytes(8).join('');
  try {
    const id = store?.getItem(key) || fresh();
    store?.setItem(key, id);
    return id;
  } catch {
    return fresh();
  }
}

import type { Platform } from '../platform.js';

const key = 'waymark.session';

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
  const store = 'sessionStorage' in platform ? platform.sessionStorage : browserSessionStorage();
  const fresh = (): string => platform.randomBytes(8).join('');
  try {
    const id = store?.getItem(key) || fresh();
    store?.setItem(key, id);
    return id;
  } catch {
    return fresh();
  }
}

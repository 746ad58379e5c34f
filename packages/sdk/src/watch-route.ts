import { listen } from './listen.js';

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Calls `onChange(previousUrl)` whenever the URL actually changes: pushState, replaceState,
 * popstate, hashchange. Returns the cleanup, which removes the listeners and restores history.
 */
export function watchRoute(onChange: (previousUrl: string) => void): () => void {
  let last = location.href;
  let active = true;
  const check = (): void => {
    const href = location.href;
    if (!active || href === last) return;
    const previous = last;
    last = href;
    try {
      onChange(previous);
    } catch {
      // runs inside the host's router call: never let it fail there
    }
  };
  const patch = (name: HistoryMethod): (() => void) => {
    const original = history[name];
    const patched = function (this: History, ...args: Parameters<History[HistoryMethod]>): void {
      original.apply(this, args);
      check();
    };
    history[name] = patched;
    // If another script patched history after us, restoring would drop its patch; ours is then a
    // pass-through because `active` is false.
    return () => {
      if (history[name] === patched) history[name] = original;
    };
  };
  const cleanups = [patch('pushState'), patch('replaceState'), listen(window, 'popstate', check), listen(window, 'hashchange', check)];
  return () => {
    active = false;
    for (const cleanup of cleanups) cleanup();
  };
}

import { listen } from './listen.js';

/**
 * Calls `onHide` when the page is hidden or unloaded (`visibilitychange` to hidden, `pagehide`)
 * and `onOnline` when the network comes back. Returns the cleanup.
 */
export function watchLifecycle(onHide: () => void, onOnline: () => void): () => void {
  const cleanups = [
    listen(window, 'pagehide', onHide),
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') onHide();
    }),
    listen(window, 'online', onOnline),
  ];
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}

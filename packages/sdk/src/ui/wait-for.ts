/**
 * Calls `find` now and whenever the document changes (MutationObserver; plus a slow poll, since
 * changes inside shadow roots and to styles are not observed), until it returns something
 * (`onFound`) or `timeoutMs` passes (`onTimeout`). Returns the cleanup, which stops everything.
 */
export function waitFor<T>(find: () => T | undefined, timeoutMs: number, onFound: (value: T) => void, onTimeout: () => void): () => void {
  let done = false;
  const stop = (): void => {
    done = true;
    observer.disconnect();
    clearInterval(poll);
    clearTimeout(timer);
  };
  const check = (): void => {
    if (done) return;
    const value = find();
    if (value !== undefined) {
      stop();
      onFound(value);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  const poll = setInterval(check, 250);
  const timer = setTimeout(() => {
    if (done) return;
    stop();
    onTimeout();
  }, timeoutMs);
  check();
  return stop;
}

import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * `useSyncExternalStore` over a value read fresh each time (the SDK parses its stored state on every
 * read): the last value is returned while its JSON is the same, so React sees a stable snapshot.
 * On the server, and while hydrating, the value is undefined: the page renders as it did there.
 */
export function useExternalJson<T>(subscribe: (onChange: () => void) => () => void, read: () => T | undefined): T | undefined {
  const last = useRef<{ json: string; value: T | undefined }>({ json: 'undefined', value: undefined });
  const snapshot = useCallback(() => {
    const value = read();
    const json = JSON.stringify(value) ?? 'undefined';
    if (json !== last.current.json) last.current = { json, value };
    return last.current.value;
  }, [read]);
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}

const serverSnapshot = (): undefined => undefined;

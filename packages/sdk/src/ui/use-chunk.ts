import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Adds a script element for the chunk `file`, which sits next to the UI chunk at `ui`, and calls
 * `done` with what it defines as `window[global]` once it ran, or null when it failed to load.
 */
export function loadChunk<T>(ui: string, file: string, global: string, done: (chunk: T | null) => void): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = new URL(file, new URL(ui, location.href)).href;
  script.onload = () => done((window as unknown as Record<string, T | undefined>)[global] ?? null);
  script.onerror = () => done(null);
  document.head.append(script);
  return script;
}

/**
 * Loads the chunk `file` (see `loadChunk`) once `when` is truthy, and returns what it defines:
 * undefined while it loads, null when it failed (tried again each time `when` changes to another
 * truthy value). Unmounting removes the script element.
 */
export function useChunk<T>(ui: string, file: string, global: string, when: unknown = true): T | null | undefined {
  const [chunk, setChunk] = useState<T | null | undefined>(() => (window as unknown as Record<string, T | undefined>)[global]);
  useLayoutEffect(() => {
    if (!when || chunk) return undefined;
    // Wrapped: a chunk that defines a function would be taken for a state updater.
    const script = loadChunk<T>(ui, file, global, (c) => setChunk(() => c));
    return () => script.remove();
  }, [when]);
  return chunk;
}

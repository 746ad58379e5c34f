import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Loads the chunk `file`, which sits next to the UI chunk at `ui`, once `when` is truthy, and
 * returns what it defines as `window[global]`: undefined while it loads, null when it failed (tried
 * again each time `when` changes to another truthy value). Unmounting removes the script element.
 */
export function useChunk<T>(ui: string, file: string, global: string, when: unknown = true): T | null | undefined {
  const loaded = (): T | undefined => (window as unknown as Record<string, T | undefined>)[global];
  const [chunk, setChunk] = useState<T | null | undefined>(loaded);
  useLayoutEffect(() => {
    if (!when || chunk) return undefined;
    const script = document.createElement('script');
    script.src = new URL(file, new URL(ui, location.href)).href;
    // Wrapped: a chunk that defines a function would be taken for a state updater.
    script.onload = () => setChunk(() => loaded() ?? null);
    script.onerror = () => setChunk(null);
    document.head.append(script);
    return () => script.remove();
  }, [when]);
  return chunk;
}

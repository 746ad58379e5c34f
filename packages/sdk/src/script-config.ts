/** What the script tag configures: the public key and the collector's base URL. */
export interface ScriptConfig {
  key: string;
  api: string;
}

/**
 * Reads `data-key` (required) and `data-api` (default: the script's own origin) from the tracker's
 * script tag: `document.currentScript`, or where there is none (a script run by a loader that
 * evaluates it) the first `script[data-key][src*="waymark"]`.
 */
export function scriptConfig(doc: Document): ScriptConfig | undefined {
  const script = doc.currentScript ?? doc.querySelector('script[data-key][src*="waymark"]');
  const key = script?.getAttribute('data-key');
  if (!(script instanceof HTMLScriptElement) || !key) return undefined;
  return { key, api: script.getAttribute('data-api') || new URL(script.src, location.href).origin };
}

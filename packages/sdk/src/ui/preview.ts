import type { KeyValueStorage } from '../platform.js';

const storageKey = 'waymark.preview';

/** What an author previews in this tab: a guide or checklist key, and the guide's step, across pages. */
export interface PreviewState {
  key: string;
  step?: string | undefined;
}

/** The preview this tab asks for: `?waymark_preview=<key>` in the URL, else the one kept for the tab. */
export function readPreview(search: string, store: KeyValueStorage | undefined): PreviewState | undefined {
  const fromUrl = new URLSearchParams(search).get('waymark_preview');
  if (fromUrl) return { key: fromUrl };
  try {
    const kept = JSON.parse(store?.getItem(storageKey) ?? 'null') as PreviewState | null;
    return kept && typeof kept.key === 'string' ? { key: kept.key, step: typeof kept.step === 'string' ? kept.step : undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the preview for the tab's next pages, or forgets it (undefined). */
export function writePreview(store: KeyValueStorage | undefined, state: PreviewState | undefined): void {
  try {
    if (state) store?.setItem(storageKey, JSON.stringify(state));
    else store?.removeItem(storageKey);
  } catch {
    // blocked storage: the preview lasts for this page
  }
}

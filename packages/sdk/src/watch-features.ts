import { listen } from './listen.js';

/** The attribute that tags an element as a feature: `data-waymark-feature="reports.export"`. */
export const featureAttribute = 'data-waymark-feature';

/**
 * Calls `onFeature(name)` for every click inside an element tagged with `data-waymark-feature`
 * (the innermost one). One capture-phase listener on the document; no text content is read.
 * Returns the cleanup.
 */
export function watchFeatures(onFeature: (feature: string) => void): () => void {
  return listen(
    document,
    'click',
    (event) => {
      // A click's target is an element (text nodes never receive one); a document or window has no closest.
      const feature = (event.target as Element).closest?.(`[${featureAttribute}]`)?.getAttribute(featureAttribute);
      if (feature) onFeature(feature);
    },
    true,
  );
}

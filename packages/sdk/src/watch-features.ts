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
      const target = event.target;
      const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
      const feature = element?.closest(`[${featureAttribute}]`)?.getAttribute(featureAttribute);
      if (feature) onFeature(feature);
    },
    true,
  );
}

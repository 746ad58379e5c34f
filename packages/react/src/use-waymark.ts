import type { Waymark } from '@waymark/sdk';
import { useWaymarkStore } from './waymark-context.js';

/**
 * The provider's tracker, for everything else (`identify`, `group`, `startGuide`, `quiet`...). Stable
 * and callable from the first render: calls made before the tracker starts are kept and replayed.
 */
export function useWaymark(): Waymark {
  return useWaymarkStore().waymark;
}

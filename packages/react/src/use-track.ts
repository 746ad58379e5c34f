import type { Properties } from '@waymark/sdk';
import { useCallback } from 'react';
import { useWaymarkStore } from './waymark-context.js';

/** A stable function that records an event (`waymark.track`); calls made before the tracker starts are kept. */
export function useTrack(): (event: string, properties?: Properties) => void {
  const store = useWaymarkStore();
  return useCallback((event: string, properties?: Properties) => store.waymark.track(event, properties), [store]);
}

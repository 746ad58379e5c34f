import { createContext, useContext } from 'react';
import type { WaymarkStore } from './waymark-store.js';

/** The store of the nearest `WaymarkProvider`. */
export const WaymarkContext = createContext<WaymarkStore | undefined>(undefined);

/** The nearest provider's store; throws when there is none (a programming error, caught in development). */
export function useWaymarkStore(): WaymarkStore {
  const store = useContext(WaymarkContext);
  if (!store) throw new Error('Waymark hooks must be used inside <WaymarkProvider>');
  return store;
}

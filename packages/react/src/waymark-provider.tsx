import { createWaymark, type Waymark, type WaymarkOptions } from '@waymark/sdk';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { WaymarkContext } from './waymark-context.js';
import { createWaymarkStore } from './waymark-store.js';

/** Props of `WaymarkProvider`: options to start a tracker with, or a tracker started elsewhere. */
export type WaymarkProviderProps = { children?: ReactNode } & ({ options: WaymarkOptions; waymark?: undefined } | { waymark: Waymark; options?: undefined });

/**
 * Starts the Waymark tracker in the browser (never on the server) and gives it to the hooks below.
 * Calls made before it starts (in the first render's effects) are kept and replayed. With
 * `options`, the tracker is destroyed on unmount and restarted when `key` or `api` change; a
 * `waymark` passed in is used as it is and left running.
 */
export function WaymarkProvider(props: WaymarkProviderProps) {
  const { options, waymark } = props;
  const [store] = useState(() => createWaymarkStore(options?.platform?.storage));
  // The options are read when the tracker starts; a new key or collector starts another.
  const latest = useRef(options);
  latest.current = options;
  const key = options?.key;
  const api = options?.api;
  useEffect(() => {
    const tracker = waymark ?? createWaymark({ ...latest.current!, key: key!, api: api! });
    store.attach(tracker);
    return () => {
      store.detach();
      if (!waymark) tracker.destroy();
    };
  }, [store, waymark, key, api]);
  return <WaymarkContext.Provider value={store}>{props.children}</WaymarkContext.Provider>;
}

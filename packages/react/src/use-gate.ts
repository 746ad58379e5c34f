import type { GateView } from '@waymark/sdk';
import { useCallback } from 'react';
import { useExternalJson } from './use-external-json.js';
import { useWaymarkStore } from './waymark-context.js';

/** Where the user stands on a gate, for rendering. */
export interface GateState {
  /** Whether the feature is unlocked. False while not known: a gate fails closed. */
  unlocked: boolean;
  /** Whether the gate's state is known yet (false on the server, while hydrating, and on a first visit until the config loaded). */
  ready: boolean;
  /** The checklist items left to unlock it, in order. */
  left: GateView['todo'];
  /** Items the unlock condition asks for and how many are done, when it asks for checklist items. */
  progress: GateView['progress'];
  /** Everything the SDK knows about the gate (`waymark.gate(key)`), when known. */
  view: GateView | undefined;
}

/** The gate `key`'s state, kept current as the user makes progress (`waymark.gate` and `onGateChange`). */
export function useGate(key: string): GateState {
  const store = useWaymarkStore();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stopGate = store.waymark.onGateChange(key, onChange);
      const stopStore = store.subscribe(onChange);
      return () => {
        stopGate();
        stopStore();
      };
    },
    [store, key],
  );
  const view = useExternalJson(
    subscribe,
    useCallback(() => store.waymark.gate(key), [store, key]),
  );
  return { unlocked: !!view?.unlocked, ready: !!view, left: view?.todo ?? [], progress: view?.progress, view };
}

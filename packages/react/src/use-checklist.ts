import { onChecklistsChange, storedChecklists, type ChecklistView } from '@waymark/sdk';
import { useCallback } from 'react';
import { useExternalJson } from './use-external-json.js';
import { useWaymarkStore } from './waymark-context.js';

/** Where the user stands on a checklist, and a way to open its panel. */
export interface ChecklistState {
  /** Title, items with their titles and done marks, done/total, complete, dismissed; undefined while not known. */
  checklist: ChecklistView | undefined;
  /** Opens the checklist's panel (`waymark.showChecklist(key)`). */
  show(): void;
}

/**
 * The checklist `key`'s progress, kept current as the user makes progress. Known once the SDK's UI
 * has evaluated it in this browser (it loads whenever a checklist is neither complete nor
 * dismissed); undefined on the server and while hydrating.
 */
export function useChecklist(key: string): ChecklistState {
  const store = useWaymarkStore();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stopViews = onChecklistsChange(onChange);
      const stopStore = store.subscribe(onChange);
      return () => {
        stopViews();
        stopStore();
      };
    },
    [store],
  );
  // Nothing is read before the tracker runs: the first client render matches the server's.
  const checklist = useExternalJson(
    subscribe,
    useCallback(() => (store.current() ? storedChecklists(store.storage)?.[key] : undefined), [store, key]),
  );
  const show = useCallback(() => store.waymark.showChecklist(key), [store, key]);
  return { checklist, show };
}

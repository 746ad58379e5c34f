import { checklistProgress, type ConditionFacts, type WaymarkConfig } from '@waymark/core';
import { checklistEvent, checklistStorageKey, type ChecklistView } from '../checklist-views.js';
import type { KeyValueStorage } from '../platform.js';
import { readItem, writeItem } from '../stored-item.js';

/** Every checklist of the config as the user stands on it, by key. */
export function checklistViews(config: WaymarkConfig, facts: ConditionFacts, dismissed: string[]): Record<string, ChecklistView> {
  return Object.fromEntries(
    config.checklists.map((c) => {
      const { items, next, ...p } = checklistProgress(c, facts);
      const view: ChecklistView = {
        key: c.key,
        title: c.title,
        ...p,
        dismissed: dismissed.includes(c.key),
        ...(next === undefined ? {} : { next }),
        items: c.items.map((it, i) => ({ key: it.key, title: it.title, done: !!items[i]?.done })),
      };
      return [c.key, view];
    }),
  );
}

/**
 * Stores the checklist views for the page's bindings (`storedChecklists` in the ESM entry) and
 * tells them by a window event, only when they changed.
 */
export function publishChecklists(storage: KeyValueStorage | undefined, views: Record<string, ChecklistView>): void {
  const text = JSON.stringify(views);
  if (readItem(storage, checklistStorageKey) === text) return;
  writeItem(storage, checklistStorageKey, text);
  window.dispatchEvent(new Event(checklistEvent));
}

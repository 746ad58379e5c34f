export { createWaymark } from './create-waymark.js';
export { snippet } from './snippet.js';
export { createMemoryStore, type QueueStore, type QueuedMessage } from './queue-store.js';
export { createIdbStore } from './idb-store.js';
export { featureAttribute } from './watch-features.js';
export { storedChecklists, onChecklistsChange, type ChecklistView } from './checklist-views.js';
export type { Waymark, WaymarkOptions, Properties, UiSettings, GateView } from './types.js';
export type { Platform, ResponseLike, PostInit, KeyValueStorage } from './platform.js';

import { clear, createStore, delMany, entries, get, set } from 'idb-keyval';
import type { QueuedMessage, QueueStore } from './queue-store.js';

// Message ids are UUIDs, so this key cannot collide with one.
const droppedKey = 'dropped';

const isQueued = (v: unknown): v is QueuedMessage =>
  typeof v === 'object' && v !== null && typeof (v as QueuedMessage).id === 'string' && typeof (v as QueuedMessage).json === 'string';

/** The queue in IndexedDB (database `waymark`, store `queue`): one key per message id plus the dropped count. */
export function createIdbStore(): QueueStore {
  const store = createStore('waymark', 'queue');
  // IndexedDB can fail at any time (private mode, quota, a closing tab); the in-memory queue carries on.
  const quiet = <T>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);
  return {
    all: () =>
      quiet(
        entries(store).then((rows) => rows.map((r) => r[1]).filter(isQueued)),
        [],
      ),
    put: (m) => quiet(set(m.id, m, store), undefined),
    remove: (ids) => quiet(delMany(ids, store), undefined),
    clear: () => quiet(clear(store), undefined),
    getDropped: () => quiet(get<number>(droppedKey, store).then((n) => (typeof n === 'number' ? n : 0)), 0),
    setDropped: (count) => quiet(set(droppedKey, count, store), undefined),
  };
}

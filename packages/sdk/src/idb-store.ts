import { createStore, promisifyRequest } from 'idb-keyval';
import { isQueued, type QueueStore } from './queue-store.js';

// Message ids are UUIDs, so this key cannot collide with one.
const droppedKey = 'dropped';

/** The queue in IndexedDB (database `waymark`, store `queue`): one key per message id plus the dropped count. */
export function createIdbStore(): QueueStore {
  // idb-keyval's store function plus our own operations: its helpers (get, set, entries...) each carry
  // a default store and a cursor fallback the tracker never uses, which its size budget cannot afford.
  const use = createStore('waymark', 'queue');
  // True once the transaction committed.
  const write = (change: (s: IDBObjectStore) => void): Promise<boolean> =>
    use('readwrite', (s) => (change(s), promisifyRequest(s.transaction))).then(
      () => true,
      () => false,
    );
  // IndexedDB can fail at any time (private mode, quota, a closing tab); the in-memory queue carries on.
  const read = <T>(fallback: T, pick: (values: unknown[]) => T): Promise<T> => use('readonly', (s) => promisifyRequest(s.getAll())).then(pick, () => fallback);
  return {
    all: () => read([], (values) => values.filter(isQueued)),
    put: (m) => write((s) => s.put(m, m.id)),
    remove: (ids) => write((s) => ids.forEach((id) => s.delete(id))),
    clear: () => write((s) => s.clear()),
    getDropped: () => read(0, (values) => values.find((v): v is number => typeof v === 'number') ?? 0),
    setDropped: (count) => write((s) => s.put(count, droppedKey)),
  };
}

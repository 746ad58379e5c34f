/** A message waiting for delivery: its id, its JSON, its UTF-8 size and when it was queued. */
export interface QueuedMessage {
  id: string;
  json: string;
  bytes: number;
  at: number;
}

/**
 * Durable storage of the queue; every method resolves (failures are swallowed by implementations).
 * A write may resolve true once durable; until `put` does, the tracker also copies the message
 * to localStorage when the page is hidden.
 */
/** What a write answers: nothing (idb-keyval), or false when the store could not write. */
// biome-ignore lint/suspicious/noConfusingVoidType: idb-keyval's writes resolve to void
type Written = Promise<boolean | void>;

export interface QueueStore {
  all(): Promise<QueuedMessage[]>;
  put(message: QueuedMessage): Written;
  remove(ids: string[]): Written;
  clear(): Written;
  getDropped(): Promise<number>;
  setDropped(count: number): Written;
}

/** A stored value that is a queued message (stores and copies may hold anything). */
export const isQueued = (v: unknown): v is QueuedMessage =>
  typeof v === 'object' && v !== null && typeof (v as QueuedMessage).id === 'string' && typeof (v as QueuedMessage).json === 'string';

/** A queue store kept in memory: the fallback without IndexedDB, and a stand-in for it in tests. */
export function createMemoryStore(): QueueStore {
  const messages = new Map<string, QueuedMessage>();
  let dropped = 0;
  return {
    all: async () => [...messages.values()],
    // Never durable: the page's unload copy carries its messages to the next page.
    put: async (m) => void messages.set(m.id, m),
    remove: async (ids) => ids.forEach((id) => messages.delete(id)),
    clear: async () => {
      messages.clear();
      dropped = 0;
    },
    getDropped: async () => dropped,
    setDropped: async (count) => void (dropped = count),
  };
}

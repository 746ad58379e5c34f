/** A message waiting for delivery: its id, its JSON, its UTF-8 size and when it was queued. */
export interface QueuedMessage {
  id: string;
  json: string;
  bytes: number;
  at: number;
}

/** Durable storage of the queue; every method resolves (failures are swallowed by implementations). */
export interface QueueStore {
  all(): Promise<QueuedMessage[]>;
  put(message: QueuedMessage): Promise<void>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  getDropped(): Promise<number>;
  setDropped(count: number): Promise<void>;
}

/** A queue store kept in memory: the fallback without IndexedDB, and a stand-in for it in tests. */
export function createMemoryStore(): QueueStore {
  const messages = new Map<string, QueuedMessage>();
  let dropped = 0;
  return {
    all: async () => [...messages.values()],
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

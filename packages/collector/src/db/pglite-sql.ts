import { PGlite } from '@electric-sql/pglite';
import type { Sql } from './sql.js';
import { lockDataDir } from './data-dir-lock.js';

/**
 * PGlite runs each query synchronously in this thread and resolves it as a promise, so a task that
 * awaits one query after another (the summariser over hundreds of accounts) would run entirely in
 * microtasks and keep the event loop from reading sockets for seconds: measured up to 12 s on the
 * demo's data, during which every request waited. Each query therefore ends with a turn of the
 * event loop, so requests are read and answered between a background task's queries.
 */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A query's rows, after the turn of the event loop that follows every query. */
async function rowsThenYield(pending: Promise<{ rows: unknown[] }>): Promise<{ rows: never[] }> {
  const result = await pending;
  await yieldToEventLoop();
  return { rows: result.rows as never[] };
}

/**
 * Opens the embedded database. With a directory, the directory is locked for this process
 * first (PGlite must never be opened by two processes at once); without one it lives in memory.
 */
export async function openPgliteSql(options: { dataDir?: string; command?: string } = {}): Promise<Sql> {
  const release = options.dataDir ? lockDataDir(options.dataDir, options.command ?? 'waymark-collector') : () => {};
  let db: PGlite;
  try {
    db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  } catch (error) {
    release();
    throw error;
  }
  return {
    engine: 'pglite',
    query: (text, params) => rowsThenYield(db.query(text, params as unknown[] | undefined)),
    async exec(text) {
      await db.exec(text);
      await yieldToEventLoop();
    },
    async transaction(fn) {
      const value = await db.transaction((tx) =>
        fn({
          query: (text, params) => rowsThenYield(tx.query(text, params as unknown[] | undefined)),
        }),
      );
      // PGlite syncs its files after each top-level query, but not after a transaction's COMMIT
      // (electric-sql/pglite#1065); a top-level no-op makes the commit durable before we return.
      await db.query('select 1');
      return value;
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

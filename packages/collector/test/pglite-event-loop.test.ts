import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteSql } from '../src/db/pglite-sql.js';
import type { Sql } from '../src/db/sql.js';

// PGlite runs queries in this thread. A background task awaiting one query after another must
// still let the event loop run (read sockets, fire timers) between its queries.
describe('the embedded database and the event loop', () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openPgliteSql();
  });
  afterAll(() => sql.close());

  const work = 'select sum(i) from generate_series(1, 20000) as i';

  it.each([
    ['top-level queries', (run: (q: (text: string) => Promise<unknown>) => Promise<void>) => run((text) => sql.query(text))],
    ['queries in a transaction', (run: (q: (text: string) => Promise<unknown>) => Promise<void>) => sql.transaction((tx) => run((text) => tx.query(text)))],
  ])('fires a timer between %s', async (_name, inContext) => {
    let done = 0;
    let doneWhenTimerFired: number | undefined;
    const total = 60;
    setTimeout(() => (doneWhenTimerFired = done), 1);
    await inContext(async (query) => {
      for (let i = 0; i < total; i++) {
        await query(work);
        done++;
      }
    });
    expect(doneWhenTimerFired).toBeDefined();
    expect(doneWhenTimerFired!).toBeLessThan(total / 2);
  });
});

import type { Sql } from '../db/sql.js';
import { insertBatches, type BatchInput } from './insert-batch.js';
import { createKnownEntities } from './known-entities.js';

/** Writes requests' batches, merging requests that wait at the same time into one statement. */
export interface BatchWriter {
  /** Stores one request's rows; resolves with the ids newly stored, after commit. */
  write(input: BatchInput): Promise<Set<string>>;
}

/** How the writer groups work. */
export interface BatchWriterOptions {
  /** Statements in flight at once (at most the pool size; PGlite runs one at a time anyway). */
  concurrency: number;
  /** Most rows merged into one statement. */
  maxRows: number;
}

interface Pending {
  input: BatchInput;
  resolve: (ids: Set<string>) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for ingest. A request is written at once when a statement slot is free; requests
 * arriving while all slots are busy wait and go out together in the next statement, so under load
 * the database commits (and rolls up) many requests per transaction instead of one each. Every
 * request is still acknowledged only after the statement holding it has committed. A message id
 * sent by two waiting requests is stored once and reported as a duplicate to the later one. If a
 * merged statement fails, each request is retried alone, so one bad request fails only itself.
 */
export function createBatchWriter(sql: Pick<Sql, 'query'>, options: BatchWriterOptions): BatchWriter {
  const waiting: Pending[] = [];
  const known = createKnownEntities();
  let active = 0;

  async function run(group: Pending[]): Promise<void> {
    const seen = new Set<string>();
    const inputs = group.map(({ input }) => {
      const rows = input.rows.filter((r) => {
        const key = `${input.appId}\u0000${r.message_id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return { ...input, rows };
    });
    try {
      const stored = await insertBatches(sql, inputs, known);
      group.forEach((p, i) => p.resolve(stored[i]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      await Promise.all(group.map((p) => insertBatches(sql, [p.input], known).then(([ids]) => p.resolve(ids!), p.reject)));
    }
  }

  function pump(): void {
    while (active < options.concurrency && waiting.length > 0) {
      const group: Pending[] = [];
      let rows = 0;
      while (waiting.length > 0 && (group.length === 0 || rows + waiting[0]!.input.rows.length <= options.maxRows)) {
        const next = waiting.shift()!;
        rows += next.input.rows.length;
        group.push(next);
      }
      active++;
      // run never rejects: every failure goes to the writes it belongs to.
      void run(group).finally(() => {
        active--;
        pump();
      });
    }
  }

  return {
    write(input) {
      return new Promise((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        pump();
      });
    },
  };
}

import pg from 'pg';
import type { Sql } from './sql.js';

/** Options of the PostgreSQL storage. */
export interface PgSqlOptions {
  connectionString: string;
  /** Pool size; the default fits a 2–4 core host. */
  max?: number;
  /** Schema to use (tests create and drop their own). */
  schema?: string;
}

/** Opens PostgreSQL through a node-postgres pool. */
export async function openPgSql(options: PgSqlOptions): Promise<Sql> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 16,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    engine: 'postgres',
    async query(text, params, options) {
      const values = params as unknown[] | undefined;
      const result = await pool.query(options?.prepare ? { name: options.prepare, text, values } : { text, values });
      return { rows: result.rows };
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const value = await fn({
          async query(text, params, options) {
            const values = params as unknown[] | undefined;
            const result = await client.query(options?.prepare ? { name: options.prepare, text, values } : { text, values });
            return { rows: result.rows };
          },
        });
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

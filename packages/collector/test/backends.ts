import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { migrate } from '../src/db/migrate.js';
import { openPgSql } from '../src/db/pg-sql.js';
import { openPgliteSql } from '../src/db/pglite-sql.js';
import type { Sql } from '../src/db/sql.js';

/** A database for one test file, and how to throw it away. */
export interface TestDatabase {
  sql: Sql;
  drop(): Promise<void>;
}

/** A storage engine the collector suite runs against. */
export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const sql = await openPgliteSql();
    await migrate(sql);
    return { sql, drop: () => sql.close() };
  },
};

/** PostgreSQL in a schema of its own, created here and dropped afterwards. */
export function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    async open() {
      const schema = `waymark_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const sql = await openPgSql({ connectionString: url, schema, max: 8 });
      await migrate(sql);
      return {
        sql,
        async drop() {
          await sql.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop schema ${schema} cascade`);
          await c.end();
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const backends: Backend[] = [pglite, ...(process.env['TEST_DATABASE_URL'] ? [postgresBackend(process.env['TEST_DATABASE_URL'])] : [])];

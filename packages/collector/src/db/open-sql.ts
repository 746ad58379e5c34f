import type { Sql } from './sql.js';
import { openPgSql } from './pg-sql.js';
import { openPgliteSql } from './pglite-sql.js';
import { migrate } from './migrate.js';

/** Where the collector keeps its data. */
export interface StorageOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database. */
  dataDir?: string | undefined;
  /** Names the process in the data-directory lock, so a second process can say who holds it. */
  command?: string;
}

/** Opens PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`, and runs migrations. */
export async function openSql(options: StorageOptions): Promise<Sql> {
  const sql = options.databaseUrl
    ? await openPgSql({ connectionString: options.databaseUrl })
    : await openPgliteSql({ dataDir: options.dataDir ?? './.waymark-data', command: options.command ?? 'waymark-collector' });
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return sql;
}

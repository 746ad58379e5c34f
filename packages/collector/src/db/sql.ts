/** Per-statement options. */
export interface QueryOptions {
  /** A unique name for a statement run very often with different parameters. */
  prepare?: string;
}

/** A row-returning query result. */
export interface QueryResult<T> {
  rows: T[];
}

/**
 * The one storage seam: PostgreSQL (node-postgres) and PGlite both implement it and run the
 * same SQL. Values are passed as positional parameters ($1, $2...).
 */
export interface Sql {
  /** Which engine is behind it, for logs and health checks. */
  readonly engine: 'postgres' | 'pglite';
  /**
   * Runs one statement. `options.prepare` names a hot statement so PostgreSQL plans it once
   * per connection (PGlite plans every time; it has no named statements).
   */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
  /** Runs several statements with no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Pick<Sql, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

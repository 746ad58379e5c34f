import { parseArgs } from 'node:util';

/** The PostgreSQL server benchmarks create their scratch databases on, unless --database-url says otherwise. */
export const defaultDatabaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Parses a benchmark's command line: `options` as node:util parseArgs takes them, plus --help,
 * which prints `usage` and exits. Returns the values.
 */
export function benchFlags(usage, options) {
  const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

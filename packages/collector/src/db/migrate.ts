import type { Sql } from './sql.js';
import { migrations as all, type Migration } from './migrations.js';
import { migrationsLock } from './advisory-locks.js';

/**
 * Applies the migrations not yet applied, each in its own transaction, under an advisory lock
 * so several collectors starting at once on one PostgreSQL do not race.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = all): Promise<number[]> {
  await sql.exec(`create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())`);
  return sql.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${migrationsLock})`);
    const done = new Set((await tx.query<{ id: number }>('select id from schema_migrations')).rows.map((r) => r.id));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      for (const statement of m.sql
        .split(/;\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean))
        await tx.query(statement);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    return applied;
  });
}

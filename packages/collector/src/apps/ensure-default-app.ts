import type { Sql } from '../db/sql.js';
import { createApp, listApps, type AppKeys } from './apps.js';
import { defaultAppLock } from '../db/advisory-locks.js';

/** Origins a default app accepts: any port on this machine, for trying Waymark locally. */
export const defaultOrigins = ['http://localhost:*', 'http://127.0.0.1:*'];

/** On a first start with no app, creates one and returns its keys (the only time they are shown). */
export async function ensureDefaultApp(sql: Sql): Promise<AppKeys | undefined> {
  return sql.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${defaultAppLock})`);
    if ((await listApps(tx)).length > 0) return undefined;
    return createApp(tx, { name: 'Default app', origins: defaultOrigins });
  });
}

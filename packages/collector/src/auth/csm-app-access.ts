import type { Sql } from '../db/sql.js';
import { findAppById } from '../apps/apps.js';
import type { AppRecord, CsmPrincipal } from '../http/env.js';

/**
 * The app if this CSM may see it (admins: any app; `csm`: granted apps), else undefined, the
 * same whether the app does not exist or is not theirs.
 */
export async function csmAppAccess(sql: Pick<Sql, 'query'>, who: Pick<CsmPrincipal, 'userId' | 'role'>, appId: string): Promise<AppRecord | undefined> {
  if (who.role !== 'admin') {
    const { rows } = await sql.query('select 1 from csm_app_access where user_id = $1 and app_id = $2', [who.userId, appId]);
    if (!rows[0]) return undefined;
  }
  return findAppById(sql, appId);
}

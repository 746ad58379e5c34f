import type { Sql } from '../db/sql.js';
import type { CsmSession } from '@waymark/core';
import type { CsmPrincipal } from '../http/env.js';

/** An app as listed to a CSM. */
export type CsmApp = CsmSession['apps'][number];

/** The apps a CSM may see: every app for an admin, the granted ones for a `csm`. */
export async function csmApps(sql: Pick<Sql, 'query'>, who: Pick<CsmPrincipal, 'userId' | 'role'>): Promise<CsmApp[]> {
  const { rows } =
    who.role === 'admin'
      ? await sql.query<{ app_id: string; name: string; require_user_hash: boolean }>(
          'select app_id, name, require_user_hash from apps order by created_at, app_id',
        )
      : await sql.query<{ app_id: string; name: string; require_user_hash: boolean }>(
          'select p.app_id, p.name, p.require_user_hash from apps p join csm_app_access a on a.app_id = p.app_id where a.user_id = $1 order by p.created_at, p.app_id',
          [who.userId],
        );
  return rows.map((r) => ({ appId: r.app_id, name: r.name, identityVerified: r.require_user_hash }));
}

import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/sql.js';
import type { CsmPrincipal, CsmRole } from '../http/env.js';

type Query = Pick<Sql, 'query'>;

/** A session ends after this long without a request... */
export const sessionIdleMs = 12 * 3_600_000;
/** ...and at the latest this long after login. */
export const sessionMaxMs = 7 * 24 * 3_600_000;
// last_seen_at is written at most this often, so reads do not each cost a write.
const touchEveryMs = 60_000;

/** The session id stored for a token: only its SHA-256 is kept, so a database leak gives no cookies. */
const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session for a user; returns the token for the cookie (shown nowhere else) and its end. */
export async function createCsmSession(sql: Query, userId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + sessionMaxMs;
  await sql.query('insert into csm_sessions (id, user_id, created_at, expires_at, last_seen_at) values ($1, $2, $3, $4, $3)', [
    sessionId(token),
    userId,
    new Date(now),
    new Date(expiresAt),
  ]);
  return { token, expiresAt };
}

/**
 * The user of a live session, or undefined when the token is unknown, the session expired (idle
 * or absolute) or the user was disabled. Expired sessions found here are deleted.
 */
export async function findCsmSession(sql: Query, token: string, now: number): Promise<CsmPrincipal | undefined> {
  const id = sessionId(token);
  const { rows } = await sql.query<{
    user_id: string;
    email: string;
    name: string;
    role: CsmRole;
    expires_at: Date | string;
    last_seen_at: Date | string;
    disabled_at: Date | string | null;
  }>(
    `select s.user_id, u.email, u.name, u.role, s.expires_at, s.last_seen_at, u.disabled_at
     from csm_sessions s join csm_users u on u.id = s.user_id where s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const expiresAt = new Date(row.expires_at).getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (row.disabled_at !== null || now >= expiresAt || now - lastSeen >= sessionIdleMs) {
    await sql.query('delete from csm_sessions where id = $1', [id]);
    return undefined;
  }
  if (now - lastSeen >= touchEveryMs) await sql.query('update csm_sessions set last_seen_at = $2 where id = $1', [id, new Date(now)]);
  return { userId: row.user_id, email: row.email, name: row.name, role: row.role, expiresAt };
}

/** Ends a session (logout); unknown tokens are ignored. */
export async function deleteCsmSession(sql: Query, token: string): Promise<void> {
  await sql.query('delete from csm_sessions where id = $1', [sessionId(token)]);
}

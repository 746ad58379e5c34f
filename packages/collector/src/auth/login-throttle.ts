import type { Sql } from '../db/sql.js';

type Query = Pick<Sql, 'query'>;

/** Failed logins allowed per email (since its last success) and per client IP within the window. */
export const loginLimits = { perEmail: 5, perIp: 20, windowMs: 15 * 60_000 };

/**
 * Seconds until another login may be tried for this email from this IP, or 0 when it may be now.
 * Attempts refused here are not recorded, so a locked-out address frees up on time however
 * hard it is hammered. Two attempts racing may both pass the check; the limit is approximate by
 * that much, which does not matter against guessing.
 */
export async function loginRetryAfter(sql: Query, attempt: { email: string; ip: string }, now: number): Promise<number> {
  const since = new Date(now - loginLimits.windowMs);
  const byEmail = await sql.query<{ at: Date | string }>(
    `select at from csm_login_attempts
     where email = $1 and not succeeded and at > $2
       and at > coalesce((select max(at) from csm_login_attempts where email = $1 and succeeded), '-infinity'::timestamptz)
     order by at desc limit $3`,
    [attempt.email, since, loginLimits.perEmail],
  );
  const byIp = await sql.query<{ at: Date | string }>(
    'select at from csm_login_attempts where ip = $1 and not succeeded and at > $2 order by at desc limit $3',
    [attempt.ip, since, loginLimits.perIp],
  );
  // Blocked until the oldest of the last `limit` failures leaves the window.
  const until = (rows: { at: Date | string }[], limit: number) => (rows.length >= limit ? new Date(rows[limit - 1]!.at).getTime() + loginLimits.windowMs : 0);
  const wait = Math.max(until(byEmail.rows, loginLimits.perEmail), until(byIp.rows, loginLimits.perIp)) - now;
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

/** Records a login attempt, and prunes attempts older than a day. */
export async function recordLoginAttempt(sql: Query, attempt: { email: string; ip: string; succeeded: boolean }, now: number): Promise<void> {
  await sql.query('insert into csm_login_attempts (email, ip, at, succeeded) values ($1, $2, $3, $4)', [
    attempt.email,
    attempt.ip,
    new Date(now),
    attempt.succeeded,
  ]);
  await sql.query('delete from csm_login_attempts where at < $1', [new Date(now - 24 * 3_600_000)]);
}

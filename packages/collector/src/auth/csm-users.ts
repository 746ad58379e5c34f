import { z } from 'zod';
import type { Sql } from '../db/sql.js';
import type { CsmRole } from '../http/env.js';
import { CsmInputError } from './csm-input-error.js';
import { randomToken } from '../apps/keys.js';
import { hashPassword } from './password-hash.js';
import type { CsmUser } from '@waymark/core';

export type { CsmUser };

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: CsmRole;
  created_at: Date | string;
  disabled_at: Date | string | null;
  apps: string[] | null;
}

type Query = Pick<Sql, 'query'>;

const selectUsers = `select u.id, u.email, u.name, u.role, u.created_at, u.disabled_at,
    array(select a.app_id from csm_app_access a where a.user_id = u.id order by a.app_id) as apps
  from csm_users u`;

const toUser = (r: UserRow): CsmUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: new Date(r.created_at).toISOString(),
  disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at).toISOString(),
  apps: r.apps ?? [],
});

const emailSchema = z.email({ error: 'is not an email address' }).max(254, 'must be at most 254 characters');

/** The stored form of an email (trimmed, lower-cased), or a CsmInputError naming it. */
export function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!emailSchema.safeParse(value).success) throw new CsmInputError('invalid', 'email', `"${email}" is not an email address`);
  return value;
}

/** Checks a new password: 12 to 200 characters. */
export function checkPassword(password: string): void {
  if (password.length < 12) throw new CsmInputError('invalid', 'password', 'must be at least 12 characters');
  if (password.length > 200) throw new CsmInputError('invalid', 'password', 'must be at most 200 characters');
}

async function assertAppsExist(sql: Query, apps: readonly string[]): Promise<void> {
  if (apps.length === 0) return;
  const { rows } = await sql.query<{ app_id: string }>('select app_id from apps where app_id = any($1)', [[...apps]]);
  const missing = apps.find((a) => !rows.some((r) => r.app_id === a));
  if (missing) throw new CsmInputError('app_not_found', 'apps', `no app with id "${missing}"`);
}

async function userByEmail(sql: Query, email: string): Promise<CsmUser> {
  const { rows } = await sql.query<UserRow>(`${selectUsers} where lower(u.email) = $1`, [normaliseEmail(email)]);
  if (!rows[0]) throw new CsmInputError('user_not_found', 'email', `no CSM user with email ${email.trim()}`);
  return toUser(rows[0]);
}

/**
 * Creates a CSM user. Without a password one is generated (24 characters) and returned, so it
 * can be shown once. Emails are unique whatever their case.
 */
export async function createCsmUser(
  sql: Sql,
  input: { email: string; name: string; role: string; password?: string | undefined; apps?: readonly string[] | undefined },
  now: number,
): Promise<{ user: CsmUser; generatedPassword?: string }> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new CsmInputError('invalid', 'name', 'must be 1 to 200 characters');
  if (input.role !== 'admin' && input.role !== 'csm') throw new CsmInputError('invalid', 'role', `must be "admin" or "csm", got "${input.role}"`);
  const generated = input.password === undefined ? randomToken(24) : undefined;
  const password = input.password ?? generated!;
  checkPassword(password);
  const apps = [...new Set(input.apps ?? [])];
  const hash = await hashPassword(password);
  const id = `csm_${randomToken(16)}`;
  await sql.transaction(async (tx) => {
    await assertAppsExist(tx, apps);
    const { rows } = await tx.query(
      `insert into csm_users (id, email, name, role, password_hash, created_at) values ($1, $2, $3, $4, $5, $6)
       on conflict do nothing returning id`,
      [id, email, name, input.role, hash, new Date(now)],
    );
    if (!rows[0]) throw new CsmInputError('exists', 'email', `a CSM user with email ${email} already exists`);
    for (const app of apps) await tx.query('insert into csm_app_access (user_id, app_id, granted_at) values ($1, $2, $3)', [id, app, new Date(now)]);
  });
  return { user: await userByEmail(sql, email), ...(generated ? { generatedPassword: generated } : {}) };
}

/** CSM users by email; with `appId`, only those who can see that app (admins and users granted it). */
export async function listCsmUsers(sql: Query, options: { appId?: string } = {}): Promise<CsmUser[]> {
  const { rows } = options.appId
    ? await sql.query<UserRow>(
        `${selectUsers} where u.role = 'admin' or exists (select 1 from csm_app_access a where a.user_id = u.id and a.app_id = $1) order by u.email`,
        [options.appId],
      )
    : await sql.query<UserRow>(`${selectUsers} order by u.email`);
  return rows.map(toUser);
}

/** Lets a CSM user see an app (a no-op when already granted). */
export async function grantCsmApp(sql: Query, email: string, appId: string, now: number): Promise<CsmUser> {
  const user = await userByEmail(sql, email);
  await assertAppsExist(sql, [appId]);
  await sql.query('insert into csm_app_access (user_id, app_id, granted_at) values ($1, $2, $3) on conflict do nothing', [user.id, appId, new Date(now)]);
  return userByEmail(sql, email);
}

/** Stops a CSM user seeing an app (a no-op when not granted). */
export async function revokeCsmApp(sql: Query, email: string, appId: string): Promise<CsmUser> {
  const user = await userByEmail(sql, email);
  await sql.query('delete from csm_app_access where user_id = $1 and app_id = $2', [user.id, appId]);
  return userByEmail(sql, email);
}

/** Disables a CSM user: they can no longer log in, and their sessions end at once. */
export async function disableCsmUser(sql: Query, email: string, now: number): Promise<CsmUser> {
  const user = await userByEmail(sql, email);
  await sql.query('update csm_users set disabled_at = coalesce(disabled_at, $2) where id = $1', [user.id, new Date(now)]);
  await sql.query('delete from csm_sessions where user_id = $1', [user.id]);
  return userByEmail(sql, email);
}

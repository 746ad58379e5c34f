import type { Sql } from '../db/sql.js';
import type { AppRecord, KeyKind } from '../http/env.js';
import { hashSecret, newKey, randomToken } from './keys.js';
import { originPatternProblem } from './origin-allowed.js';

/** What a key lookup finds: the app, which of its keys it was, and the secret that signs user hashes. */
export interface KeyMatch {
  app: AppRecord;
  kind: KeyKind;
  /** The app's secret key, or null when it predates migration 2 and was not rotated since. */
  secretKey: string | null;
}

/** Returned once, when an app is created or its keys rotated: the only time the secret is shown. */
export interface AppKeys {
  appId: string;
  publicKey: string;
  secretKey: string;
}

interface AppRow {
  app_id: string;
  name: string;
  public_key: string;
  origins: string[];
  created_at: Date | string;
  require_user_hash: boolean;
  secret_key: string | null;
}

const toRecord = (r: AppRow): AppRecord => ({
  appId: r.app_id,
  name: r.name,
  publicKey: r.public_key,
  origins: r.origins,
  createdAt: new Date(r.created_at).toISOString(),
  requireUserHash: r.require_user_hash,
});

const columns = 'app_id, name, public_key, origins, created_at, require_user_hash, secret_key';

/** Raised for a bad app definition (name, origins). */
export class AppInputError extends Error {
  override name = 'AppInputError';
}

function checkOrigins(origins: readonly string[]): void {
  for (const o of origins) {
    const problem = originPatternProblem(o);
    if (problem) throw new AppInputError(problem);
  }
}

/** Creates an app with fresh keys. */
export async function createApp(sql: Pick<Sql, 'query'>, input: { name: string; origins: readonly string[] }): Promise<AppKeys> {
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new AppInputError('the app name must be 1 to 200 characters');
  checkOrigins(input.origins);
  const keys: AppKeys = { appId: `app_${randomToken(12)}`, publicKey: newKey('public'), secretKey: newKey('secret') };
  await sql.query('insert into apps (app_id, name, public_key, secret_key_hash, secret_key, origins) values ($1, $2, $3, $4, $5, $6)', [
    keys.appId,
    name,
    keys.publicKey,
    hashSecret(keys.secretKey),
    keys.secretKey,
    [...input.origins],
  ]);
  return keys;
}

/** All apps, oldest first. */
export async function listApps(sql: Pick<Sql, 'query'>): Promise<AppRecord[]> {
  const { rows } = await sql.query<AppRow>(`select ${columns} from apps order by created_at, app_id`);
  return rows.map(toRecord);
}

/** The app a key belongs to, and whether it was its public or its secret key. */
export async function findAppByKey(sql: Pick<Sql, 'query'>, key: string): Promise<KeyMatch | undefined> {
  const kind: KeyKind | undefined = key.startsWith('pk_') ? 'public' : key.startsWith('sk_') ? 'secret' : undefined;
  if (!kind) return undefined;
  const { rows } = await sql.query<AppRow>(`select ${columns} from apps where ${kind === 'public' ? 'public_key' : 'secret_key_hash'} = $1`, [
    kind === 'public' ? key : hashSecret(key),
  ]);
  return rows[0] ? { app: toRecord(rows[0]), kind, secretKey: rows[0].secret_key } : undefined;
}

/** The app with this id, or undefined. */
export async function findAppById(sql: Pick<Sql, 'query'>, appId: string): Promise<AppRecord | undefined> {
  const { rows } = await sql.query<AppRow>(`select ${columns} from apps where app_id = $1`, [appId]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/**
 * Replaces an app's public key, secret key, or both. The old key is gone from the database at
 * once; running collectors stop accepting it within their key cache time (5 s).
 * Returns the current public key and, when rotated, the new secret key.
 */
export async function rotateKeys(
  sql: Pick<Sql, 'query'>,
  appId: string,
  which: 'public' | 'secret' | 'both',
): Promise<{ appId: string; publicKey: string; secretKey?: string }> {
  const publicKey = which === 'secret' ? undefined : newKey('public');
  const secretKey = which === 'public' ? undefined : newKey('secret');
  const { rows } = await sql.query<{ public_key: string }>(
    `update apps set public_key = coalesce($2, public_key), secret_key_hash = coalesce($3, secret_key_hash),
       secret_key = coalesce($4, secret_key), keys_rotated_at = now()
     where app_id = $1 returning public_key`,
    [appId, publicKey ?? null, secretKey ? hashSecret(secretKey) : null, secretKey ?? null],
  );
  if (!rows[0]) throw new AppInputError(`no app with id ${appId}`);
  return { appId, publicKey: rows[0].public_key, ...(secretKey ? { secretKey } : {}) };
}

/** Replaces an app's allowed browser origins. */
export async function setOrigins(sql: Pick<Sql, 'query'>, appId: string, origins: readonly string[]): Promise<void> {
  checkOrigins(origins);
  const { rows } = await sql.query('update apps set origins = $2 where app_id = $1 returning app_id', [appId, [...origins]]);
  if (!rows[0]) throw new AppInputError(`no app with id ${appId}`);
}

/**
 * Turns identity verification on or off. Turning it on needs the secret key stored (apps created
 * before the collector kept it must rotate their secret first).
 */
export async function setRequireUserHash(sql: Pick<Sql, 'query'>, appId: string, required: boolean): Promise<void> {
  const { rows } = await sql.query<{ has_secret: boolean }>(
    `update apps set require_user_hash = $2 where app_id = $1 and (not $2 or secret_key is not null) returning true as has_secret`,
    [appId, required],
  );
  if (rows[0]) return;
  const { rows: exists } = await sql.query('select 1 from apps where app_id = $1', [appId]);
  if (!exists[0]) throw new AppInputError(`no app with id ${appId}`);
  throw new AppInputError(
    `the collector does not hold the secret key of ${appId} (it was created before keys were kept for identity verification); ` +
      `rotate it first with "waymark-collector apps rotate-keys ${appId} --secret", update your servers, then run this again`,
  );
}

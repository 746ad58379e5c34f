import { createHash } from 'node:crypto';
import type { ConfigVersion, WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';

export type { ConfigVersion };

/** A config version with its documents. */
export interface StoredConfig extends ConfigVersion {
  /** The document as pushed, as JSON text in the author's key order. */
  source: string;
  /** The validated document with defaults filled in, as the exact JSON text served to the SDK. */
  config: string;
}

interface Row {
  version: number;
  etag: string;
  created_at: Date | string;
  note: string | null;
  restored_from: number | null;
  source?: string;
  config?: string;
}

const toVersion = (r: Row): ConfigVersion => ({
  version: r.version,
  etag: r.etag,
  createdAt: new Date(r.created_at).toISOString(),
  note: r.note,
  restoredFrom: r.restored_from,
});

/** A strong ETag for one version's served bytes; the version is in it so each version has its own. */
const etagOf = (version: number, config: string) => `"v${version}-${createHash('sha256').update(config).digest('base64url').slice(0, 22)}"`;

async function insertVersion(
  tx: Pick<Sql, 'query'>,
  appId: string,
  doc: { source: string; config: string },
  note: string | null,
  restoredFrom: number | null,
): Promise<ConfigVersion> {
  const { rows: last } = await tx.query<{ v: number | null }>('select max(version) as v from app_configs where app_id = $1', [appId]);
  const version = (last[0]?.v ?? 0) + 1;
  const etag = etagOf(version, doc.config);
  const { rows } = await tx.query<Row>(
    `insert into app_configs (app_id, version, document, source, config, etag, note, restored_from)
     values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8) returning version, etag, created_at, note, restored_from`,
    [appId, version, doc.source, doc.source, doc.config, etag, note, restoredFrom],
  );
  return toVersion(rows[0]!);
}

// Serialises writers of one app's history (two pushes at once must not take the same version).
const lockApp = (tx: Pick<Sql, 'query'>, appId: string) => tx.query('select 1 from apps where app_id = $1 for update', [appId]);

/**
 * Stores a validated config as the app's new current version. When the document equals the
 * current one (as JSON values: key order and whitespace do not matter), nothing is stored and the
 * current version is returned with `created: false`.
 */
export async function putConfig(
  sql: Pick<Sql, 'transaction'>,
  appId: string,
  input: { document: unknown; config: WaymarkConfig; note?: string | undefined },
): Promise<ConfigVersion & { created: boolean }> {
  const source = JSON.stringify(input.document);
  return sql.transaction(async (tx) => {
    await lockApp(tx, appId);
    const { rows: same } = await tx.query<Row>(
      `select version, etag, created_at, note, restored_from from app_configs
       where app_id = $1 and version = (select max(version) from app_configs where app_id = $1) and document = $2::jsonb`,
      [appId, source],
    );
    if (same[0]) return { ...toVersion(same[0]), created: false };
    const stored = await insertVersion(tx, appId, { source, config: JSON.stringify(input.config) }, input.note ?? null, null);
    return { ...stored, created: true };
  });
}

/** The app's current config (the highest version), or a given version; undefined when there is none. */
export async function getConfig(sql: Pick<Sql, 'query'>, appId: string, version?: number): Promise<StoredConfig | undefined> {
  const { rows } = await sql.query<Row & { source: string; config: string }>(
    `select version, etag, created_at, note, restored_from, source, config from app_configs
     where app_id = $1 and ($2::int is null or version = $2) order by version desc limit 1`,
    [appId, version ?? null],
  );
  const r = rows[0];
  return r ? { ...toVersion(r), source: r.source, config: r.config } : undefined;
}

/** The current version's number and ETag only (what `GET /v1/config` needs to answer a 304). */
export async function currentConfigTag(sql: Pick<Sql, 'query'>, appId: string): Promise<{ version: number; etag: string } | undefined> {
  const { rows } = await sql.query<{ version: number; etag: string }>('select version, etag from app_configs where app_id = $1 order by version desc limit 1', [
    appId,
  ]);
  return rows[0];
}

/** Every version of the app's config, newest first. */
export async function listConfigVersions(sql: Pick<Sql, 'query'>, appId: string): Promise<ConfigVersion[]> {
  const { rows } = await sql.query<Row>('select version, etag, created_at, note, restored_from from app_configs where app_id = $1 order by version desc', [
    appId,
  ]);
  return rows.map(toVersion);
}

/**
 * Makes an old version current again by copying it as a new version (history stays linear:
 * nothing is deleted or rewritten). Undefined when that version does not exist.
 */
export async function restoreConfig(sql: Pick<Sql, 'transaction'>, appId: string, version: number, note?: string): Promise<ConfigVersion | undefined> {
  return sql.transaction(async (tx) => {
    await lockApp(tx, appId);
    const { rows } = await tx.query<{ source: string; config: string }>('select source, config from app_configs where app_id = $1 and version = $2', [
      appId,
      version,
    ]);
    const old = rows[0];
    if (!old) return undefined;
    return insertVersion(tx, appId, old, note ?? `restored from version ${version}`, version);
  });
}

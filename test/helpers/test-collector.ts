import {
  createApp,
  createLogger,
  defaultSdkDir,
  migrate,
  openPgliteSql,
  startCollector,
  type AppKeys,
  type RunningCollector,
  type Sql,
} from '@waymark/collector';

/** What startCollector takes besides the database, the logger and the address. */
export type TestCollectorOptions = Omit<Parameters<typeof startCollector>[0], 'sql' | 'log' | 'port' | 'host'>;

/** A running collector, its database and its one app's keys. */
export interface TestCollector {
  sql: Sql;
  keys: AppKeys;
  collector: RunningCollector;
}

/**
 * Starts a collector over an in-memory PGlite on a free port of 127.0.0.1, with one app named
 * `appName` that accepts browsers from any local port. Logs errors only. Close it with `collector.close()`.
 */
export async function startTestCollector(appName = 'Acme', options: TestCollectorOptions = { sdkDir: defaultSdkDir() }): Promise<TestCollector> {
  const sql = await openPgliteSql();
  await migrate(sql);
  const keys = await createApp(sql, { name: appName, origins: ['http://127.0.0.1:*'] });
  const collector = await startCollector({ sql, log: createLogger({ level: 'error' }), port: 0, host: '127.0.0.1', ...options });
  return { sql, keys, collector };
}

/** Pushes a config document through the admin API (validated and versioned, as `waymark push` does); throws if refused. */
export async function pushConfig(collector: RunningCollector, keys: AppKeys, document: unknown): Promise<void> {
  const res = await fetch(`${collector.url}/v1/admin/config`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(document),
  });
  if (!res.ok) throw new Error(`config push failed: ${res.status} ${await res.text()}`);
}

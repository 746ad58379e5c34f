import { createApp, createLogger, defaultSdkDir, migrate, openPgliteSql, startCollector } from '@waymark/collector';

/**
 * A collector in this process on an in-memory PGlite (what test/helpers/guidance-env.ts starts),
 * serving the built SDK, with `config` pushed through the admin API (validated, as `waymark push`
 * does). Pages on any 127.0.0.1 port may call it. `close()` stops it and its database.
 */
export async function startTourCollector(config) {
  const sql = await openPgliteSql();
  let collector;
  try {
    await migrate(sql);
    const keys = await createApp(sql, { name: 'Tours bench', origins: ['http://127.0.0.1:*'] });
    collector = await startCollector({ sql, log: createLogger({ level: 'error' }), port: 0, host: '127.0.0.1', sdkDir: defaultSdkDir() });
    const res = await fetch(`${collector.url}/v1/admin/config`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(config),
    });
    if (!res.ok) throw new Error(`pushing the tours' config failed: ${res.status} ${await res.text()}`);
    return { url: collector.url, publicKey: keys.publicKey, close: () => collector.close(1000) };
  } catch (error) {
    // The collector closes the database; without one, close it here.
    await (collector ? collector.close(1000) : sql.close());
    throw error;
  }
}

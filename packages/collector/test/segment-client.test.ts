import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from '@segment/analytics-node';
import { backends } from './backends.js';
import { closeServedApp, serveTestApp, type ServedApp } from './test-app.js';

describe.each(backends)('a real Segment client (@segment/analytics-node) against the collector on $name', (backend) => {
  let { db, keys, collector } = {} as ServedApp;

  beforeAll(async () => {
    ({ db, keys, collector } = await serveTestApp(backend));
  });
  afterAll(() => closeServedApp({ db, collector }));

  it('delivers identify, group and track, and they are stored', async () => {
    const errors: unknown[] = [];
    const analytics = new Analytics({ writeKey: keys.secretKey, host: collector.url, path: '/v1/batch', flushAt: 10, maxRetries: 1 });
    analytics.on('error', (e) => errors.push(e));
    analytics.identify({ userId: 'seg-user', traits: { email: 'dana@northwind.test', role: 'admin' } });
    analytics.group({ userId: 'seg-user', groupId: 'northwind', traits: { name: 'Northwind', seats: 25, plan: 'growth' } });
    analytics.track({ userId: 'seg-user', event: 'Report Exported', properties: { format: 'csv' } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);
    const { rows } = await db.sql.query<{ type: string; event: string | null; account_id: string | null; ts_source: string }>(
      'select type, event, account_id, ts_source from events where app_id = $1 order by ts',
      [keys.appId],
    );
    // Two of the three calls are often stamped in the same millisecond: the order of equal ts is the plan's.
    expect(rows.map((r) => r.type).sort()).toEqual(['group', 'identify', 'track']);
    expect(rows.find((r) => r.type === 'track')).toMatchObject({ event: 'Report Exported', account_id: 'northwind', ts_source: 'client_corrected' });
    const user = await db.sql.query<{ traits: unknown; account_id: string }>('select traits, account_id from users where app_id = $1 and actor = $2', [
      keys.appId,
      'seg-user',
    ]);
    expect(user.rows[0]).toEqual({ traits: { email: 'dana@northwind.test', role: 'admin' }, account_id: 'northwind' });
    const account = await db.sql.query<{ traits: unknown }>('select traits from accounts where app_id = $1 and account_id = $2', [keys.appId, 'northwind']);
    expect(account.rows[0]!.traits).toEqual({ name: 'Northwind', seats: 25, plan: 'growth' });
  });
});

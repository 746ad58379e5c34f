import type { Sql } from '../db/sql.js';
import type { CurrentConfigReader } from '../config/current-config.js';
import { enqueueEvents } from './enqueue-events.js';
import { buildDigest } from './build-digest.js';
import { digestWeek } from './digest-week.js';
import { ownerSql, readDigestInput } from './read-digest-input.js';

/**
 * Queues the `digest.weekly` event of the last complete week (ISO, UTC) for every owner of every
 * app with a subscription that wants it, once `now` is at least `afterMs` into the new week (so
 * late events of the week are in). Each (week, owner) is queued once per subscription, however
 * often this runs. Returns the deliveries queued.
 */
export async function enqueueWeeklyDigests(sql: Pick<Sql, 'query'>, currentConfig: CurrentConfigReader, now: number, afterMs = 0): Promise<number> {
  const week = digestWeek(undefined, now)!;
  if (now < Date.parse(week.end) + afterMs) return 0;
  const { rows: apps } = await sql.query<{ app_id: string }>(
    "select distinct app_id from webhook_subscriptions where disabled_at is null and (cardinality(events) = 0 or 'digest.weekly' = any(events)) order by app_id",
  );
  let queued = 0;
  for (const { app_id: appId } of apps) {
    const { rows: owners } = await sql.query<{ owner: string }>(
      `select distinct ${ownerSql} as owner from accounts where app_id = $1 and ${ownerSql} is not null order by 1`,
      [appId],
    );
    const config = (await currentConfig(appId))?.config;
    for (const { owner } of owners) {
      const eventId = `evt_digest_${week.label}_${owner}`;
      // Skip the reads when every subscription has it already (the unique key would drop it anyway).
      const { rows: missing } = await sql.query<{ n: number }>(
        `select count(*)::int as n from webhook_subscriptions s where s.app_id = $1 and s.disabled_at is null and (cardinality(s.events) = 0 or 'digest.weekly' = any(s.events))
         and not exists (select 1 from webhook_deliveries d where d.app_id = s.app_id and d.subscription_id = s.id and d.event_id = $2)`,
        [appId, eventId],
      );
      if (!missing[0]?.n) continue;
      const digest = buildDigest(await readDigestInput(sql, appId, owner, week, config, now));
      const createdAt = new Date(now).toISOString();
      queued += (
        await enqueueEvents(sql, appId, [{ id: eventId, type: 'digest.weekly', createdAt, appId, data: digest as unknown as Record<string, unknown> }], now)
      ).length;
    }
  }
  return queued;
}

import { settleProgress, type ProgressDefinitions } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { progressSubjects, readUserSnapshot } from './read-user-snapshot.js';

/**
 * Records what newly holds for a user at `now` (core's `settleProgress` over their stored
 * snapshot), so it is never taken back when a windowed condition stops holding. Run when a batch
 * of the user's events is accepted and before the stuck-user sweep judges them. The rows are
 * stamped with `now` and source 'read'; the summariser moves them to when the events show each
 * was reached. Returns how many rows it wrote.
 */
export async function settleUserProgress(sql: Pick<Sql, 'query'>, appId: string, actor: string, config: ProgressDefinitions, now: number): Promise<number> {
  const { snapshot, accountId } = await readUserSnapshot(sql, appId, actor, now);
  const { changes } = settleProgress(snapshot, config, now);
  const [userSubject, accountSubject] = progressSubjects(actor, accountId);
  const scopeOf = new Map(config.milestones.map((m) => [m.key, m.scope]));
  // Keys cannot contain "/", so "checklist/item" is unambiguous.
  const rows = [
    ...changes.milestones.map((key) => ({ subject: scopeOf.get(key) === 'account' ? accountSubject : userSubject, kind: 'milestone', key })),
    ...changes.items.map((it) => ({ subject: userSubject, kind: 'item', key: `${it.checklist}/${it.item}` })),
    ...changes.completed.map((key) => ({ subject: userSubject, kind: 'checklist', key })),
  ];
  if (rows.length === 0) return 0;
  await sql.query(
    `insert into progress (app_id, subject, kind, key, reached_at, recorded_at, source)
     select $1, x.subject, x.kind, x.key, $3, $3, 'read' from jsonb_to_recordset($2::jsonb) as x(subject text, kind text, key text)
     on conflict do nothing`,
    [appId, JSON.stringify(rows), new Date(now).toISOString()],
  );
  return rows.length;
}

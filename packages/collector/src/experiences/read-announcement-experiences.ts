import { onboardingEvents, ratio, type AnnouncementExperience, type WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { readFeatureAdoption } from './read-feature-adoption.js';

const g = onboardingEvents;

/**
 * Each announcement's reach, in config order, then announcements that only the events still
 * name: distinct users who saw, clicked and dismissed it, click-through, and for one that names a
 * feature the adoption of that feature by those who saw it against those who did not.
 */
export async function readAnnouncementExperiences(
  sql: Pick<Sql, 'query'>,
  appId: string,
  config: Pick<WaymarkConfig, 'announcements' | 'features'> | undefined,
  days: number,
): Promise<AnnouncementExperience[]> {
  const { rows: stages } = await sql.query<{ announcement: string; event: string; users: number }>(
    `select properties->>'announcement' as announcement, event, count(distinct actor)::int as users
     from events where app_id = $1 and event = any($2::text[]) and properties->>'announcement' is not null
     group by 1, 2`,
    [appId, [g.announcementSeen, g.announcementClicked, g.announcementDismissed]],
  );
  const announcements = config?.announcements ?? [];
  const adoption = await readFeatureAdoption(sql, appId, announcements, config?.features ?? [], days);
  const keys = [...new Set([...announcements.map((a) => a.key), ...stages.map((s) => s.announcement)])];
  return keys.map((key) => {
    const users = (event: string) => stages.find((s) => s.announcement === key && s.event === event)?.users ?? 0;
    const seen = users(g.announcementSeen);
    const cfg = announcements.find((a) => a.key === key);
    const groups = adoption.get(key);
    return {
      key,
      title: cfg?.title ?? key,
      kind: cfg?.kind ?? null,
      seen,
      clicked: users(g.announcementClicked),
      dismissed: users(g.announcementDismissed),
      clickThrough: ratio(users(g.announcementClicked), seen),
      dismissRate: ratio(users(g.announcementDismissed), seen),
      feature: cfg?.feature && groups ? { key: cfg.feature, days, ...groups } : null,
    };
  });
}

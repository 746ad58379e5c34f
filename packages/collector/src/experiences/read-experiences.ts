import type { Experiences, WaymarkConfig } from '@waymark/core';
import type { Sql } from '../db/sql.js';
import { readAnnouncementExperiences } from './read-announcement-experiences.js';
import { readGuideExperiences } from './read-guide-experiences.js';

/** The experiences report of an app: its guides and announcements, each with its reach and what followed within `days` days. */
export async function readExperiences(sql: Pick<Sql, 'query'>, appId: string, config: WaymarkConfig | undefined, days: number): Promise<Experiences> {
  return {
    days,
    guides: await readGuideExperiences(sql, appId, config, days),
    announcements: await readAnnouncementExperiences(sql, appId, config, days),
  };
}

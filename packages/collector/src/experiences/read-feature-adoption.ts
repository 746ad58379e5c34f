import { featureEventKeys, onboardingEvents, ratio, type Announcement, type Feature } from '@waymark/core';
import type { Sql } from '../db/sql.js';

/** One side of the comparison: its users, and how many used the feature within the window. */
interface AdoptionGroup {
  users: number;
  adopted: number;
  rate: number | undefined;
}

/**
 * Adoption of each announced feature within `days` days, by announcement key, in one query:
 * - seen: users who saw the announcement, from their first `Announcement Seen`;
 * - notSeen: users who never saw it but sent a track or page event since it was published (its
 *   `published` date, else the first time anyone saw it), from their first such event.
 * A user adopted when their first use of the feature (`Feature Used:<key>` or one of its `events`)
 * came within `days` days from their start; users whose first use came before their start are left
 * out of both groups: they had adopted it already. First uses and who was active since come from
 * the usage rollups; only each candidate's first event since is read from the events, by actor.
 */
export async function readFeatureAdoption(
  sql: Pick<Sql, 'query'>,
  appId: string,
  announcements: ReadonlyArray<Pick<Announcement, 'key' | 'feature' | 'published'>>,
  features: ReadonlyArray<Pick<Feature, 'key' | 'events'>>,
  days: number,
): Promise<Map<string, { seen: AdoptionGroup; notSeen: AdoptionGroup }>> {
  const announced = announcements.flatMap((a) => {
    const feature = features.find((f) => f.key === a.feature);
    return feature ? [{ announcement: a.key, published: a.published ?? null, keys: featureEventKeys(feature) }] : [];
  });
  const out = new Map<string, { seen: AdoptionGroup; notSeen: AdoptionGroup }>();
  if (announced.length === 0) return out;
  const { rows } = await sql.query<{ announcement: string; saw: boolean; users: number; adopted: number }>(
    `with announced as (select * from jsonb_to_recordset($2::jsonb) as x(announcement text, published date)),
     uses as (
       select a.announcement, k.event_key from jsonb_to_recordset($2::jsonb) as a(announcement text, keys jsonb)
       cross join lateral jsonb_array_elements_text(a.keys) as k(event_key)),
     first_use as (
       select u.announcement, r.actor, min(r.first_seen) as at from uses u
       join usage_all r on r.app_id = $1 and r.event_key = u.event_key group by 1, 2),
     seen as (
       select properties->>'announcement' as announcement, actor, min(ts) as at from events
       where app_id = $1 and event = $3 and properties->>'announcement' in (select announcement from announced) group by 1, 2),
     since as (
       select a.announcement, coalesce(a.published::timestamp at time zone 'UTC', (select min(s.at) from seen s where s.announcement = a.announcement)) as at
       from announced a),
     active as (select actor, max(last_seen) as last_seen from usage_all where app_id = $1 group by actor),
     not_seen as (
       select since.announcement, active.actor,
         (select min(e.ts) from events e where e.app_id = $1 and e.actor = active.actor and e.ts >= since.at and e.event_key is not null) as at
       from since join active on active.last_seen >= since.at
       where not exists (select 1 from seen s where s.announcement = since.announcement and s.actor = active.actor)),
     cohort as (
       select announcement, actor, at, true as saw from seen
       union all
       select announcement, actor, at, false as saw from not_seen)
     select c.announcement, c.saw, count(*)::int as users, count(*) filter (where f.at < c.at + $4::int * interval '1 day')::int as adopted
     from cohort c left join first_use f on f.announcement = c.announcement and f.actor = c.actor
     where f.at is null or f.at >= c.at
     group by 1, 2`,
    [appId, JSON.stringify(announced), onboardingEvents.announcementSeen, days],
  );
  const group = (announcement: string, saw: boolean): AdoptionGroup => {
    const r = rows.find((x) => x.announcement === announcement && x.saw === saw);
    return { users: r?.users ?? 0, adopted: r?.adopted ?? 0, rate: ratio(r?.adopted ?? 0, r?.users ?? 0) };
  };
  for (const a of announced) out.set(a.announcement, { seen: group(a.announcement, true), notSeen: group(a.announcement, false) });
  return out;
}

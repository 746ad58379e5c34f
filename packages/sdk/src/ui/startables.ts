import { checklistProgress, type ConditionFacts, type WaymarkConfig } from '@waymark/core';
import type { Progress } from './progress.js';
import type { Startable } from './triggers.js';
import type { NewsMark } from './user-marks.js';

/** How to start each kind of experience. */
export interface Starters {
  guide(key: string): void;
  checklist(key: string): void;
  announcement(key: string): void;
}

/**
 * The guides, checklists and announcements whose trigger may start them now: a guide neither
 * running (`running`, its key), dismissed, nor completed unless it repeats; a checklist neither
 * dismissed nor complete; an announcement the user neither dismissed nor acted on (`news`).
 */
export function startables(
  config: WaymarkConfig,
  p: Progress,
  facts: ConditionFacts,
  running: string | undefined,
  news: Record<string, NewsMark>,
  start: Starters,
): Startable[] {
  const list: Startable[] = [];
  for (const g of config.guides) {
    const status = p.guides[g.key]?.status;
    if (!g.trigger || running === g.key || status === 'dismissed' || (status === 'completed' && !g.trigger.repeat)) continue;
    list.push({ id: `guide:${g.key}`, kind: 'guide', key: g.key, trigger: g.trigger, start: () => start.guide(g.key) });
  }
  for (const c of config.checklists) {
    if (!c.trigger || p.dismissed.includes(c.key) || checklistProgress(c, facts).complete) continue;
    list.push({ id: `checklist:${c.key}`, kind: 'checklist', key: c.key, trigger: c.trigger, audience: c.audience, start: () => start.checklist(c.key) });
  }
  for (const a of config.announcements) {
    if (!a.trigger || news[a.key]?.dismissed || news[a.key]?.clicked) continue;
    list.push({
      id: `announcement:${a.key}`,
      kind: 'announcement',
      key: a.key,
      trigger: a.trigger,
      audience: a.audience,
      start: () => start.announcement(a.key),
    });
  }
  return list;
}

import type { NudgeHistory, NudgeRecord, UserState } from '@waymark/core';
import type { KeyValueStorage } from '../platform.js';
import { guideStorageKey } from '../ui-host.js';
import { activeGuide, localProgress, mergeProgress, type LocalProgress, type Progress } from './progress.js';

const progressKey = 'waymark.progress';
// Gates celebrated and the nudge history: kept until the collector has the events that record them.
const marksKey = 'waymark.marks';

/** An announcement the user has seen: whether they used its call to action, or closed it. */
export type NewsMark = UserState['announcements'][string];

/** What the UI remembers about one user besides the collector: progress, celebrated gates, nudges, announcements seen. */
export interface UserMarks {
  user: string;
  progress: Progress;
  celebrated: string[];
  history: NudgeRecord[];
  news: Record<string, NewsMark>;
}

const read = <T>(storage: KeyValueStorage | undefined, key: string): T | undefined => {
  try {
    return JSON.parse(storage?.getItem(key) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
};

/**
 * The user's marks from the collector's `state` and what this browser kept for the same user
 * (another user's are ignored): progress merged, celebrated gates united, nudge histories merged
 * with the same record from both sides counted once (the collector may have corrected its time).
 */
export function loadMarks(storage: KeyValueStorage | undefined, state: UserState | undefined, user: string, traits: Record<string, unknown>): UserMarks {
  const local = read<LocalProgress>(storage, progressKey);
  const marks = read<{ user?: string; celebrated?: string[]; history?: NudgeHistory; news?: Record<string, NewsMark> }>(storage, marksKey);
  const mine = marks?.user === user ? marks : undefined;
  const id = (r: NudgeRecord) => [r.type, r.nudge, 'session' in r ? r.session : 'until' in r ? r.until : ''].join();
  return {
    user,
    progress: mergeProgress(state, local?.user === user ? local : undefined, traits),
    celebrated: [...new Set([...(state?.celebrated ?? []), ...(mine?.celebrated ?? [])])],
    history: [...new Map([...(state?.nudges ?? []), ...(mine?.history ?? [])].map((r) => [id(r), r])).values()],
    news: mergeNews(state?.announcements, mine?.news),
  };
}

/** Both sides' announcement marks: seen on either, clicked or dismissed on either. */
function mergeNews(a: Record<string, NewsMark> = {}, b: Record<string, NewsMark> = {}): Record<string, NewsMark> {
  const out = { ...a };
  for (const [k, m] of Object.entries(b)) out[k] = { clicked: !!(m.clicked || out[k]?.clicked), dismissed: !!(m.dismissed || out[k]?.dismissed) };
  return out;
}

/**
 * Keeps the marks for the next page, and whether a guide is active or `running` says one runs (a
 * preview's): the tracker reads it to load the UI.
 */
export function saveMarks(storage: KeyValueStorage | undefined, { user, progress, celebrated, history, news }: UserMarks, running = false): void {
  try {
    storage?.setItem(marksKey, JSON.stringify({ user, celebrated, history, news }));
    storage?.setItem(progressKey, JSON.stringify(localProgress(progress, user)));
    if (running || activeGuide(progress)) storage?.setItem(guideStorageKey, '1');
    else storage?.removeItem(guideStorageKey);
  } catch {
    // storage full or blocked: the collector still has the events
  }
}

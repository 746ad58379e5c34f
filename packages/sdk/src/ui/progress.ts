import {
  emptySnapshot,
  eventKey,
  pageFacts,
  recordEvent,
  settleProgress,
  type Message,
  type ProgressChanges,
  type StateSnapshot,
  type UserState,
  type WaymarkConfig,
} from '@waymark/core';
import type { GuidePosition, RecordedMessage } from '../ui-host.js';

/** Everything the UI knows about the user's progress. */
export interface Progress {
  snapshot: StateSnapshot;
  /** Checklists the user dismissed. */
  dismissed: string[];
  /** Guide positions by guide key. */
  guides: Record<string, GuidePosition>;
}

/** What the UI keeps in localStorage, so progress not yet seen by the collector survives a reload. */
export interface LocalProgress {
  /** Whose progress it is (userId, or anonymousId before identify). */
  user: string;
  items: Record<string, string[]>;
  completed: string[];
  milestones: string[];
  dismissed: string[];
  guides: Record<string, GuidePosition>;
}

/** An `at` as ms since the epoch (the collector may send an ISO date). */
export const atMs = (at: unknown): number => (typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) || 0 : 0);

const list = (a: unknown): string[] => (Array.isArray(a) ? a : []);
const union = (a: unknown, b: unknown): string[] => [...new Set([...list(a), ...list(b)])];

/**
 * The progress to start from: the collector's state (the source of truth) joined with what this
 * browser recorded and the collector may not have processed yet. Recorded progress only grows;
 * for each guide the later position wins. `traits` (from identify) override the snapshot's.
 */
export function mergeProgress(
  server: Pick<UserState, 'snapshot' | 'guides' | 'dismissed'> | undefined,
  local: LocalProgress | undefined,
  traits: Record<string, unknown>,
): Progress {
  const base: StateSnapshot = { ...emptySnapshot(), ...server?.snapshot };
  const items: Record<string, string[]> = { ...base.items };
  for (const [key, list] of Object.entries(local?.items ?? {})) items[key] = union(items[key], list);
  const guides: Record<string, GuidePosition> = { ...server?.guides };
  for (const [key, position] of Object.entries(local?.guides ?? {})) {
    const other = guides[key];
    if (!other || atMs(position.at) >= atMs(other.at)) guides[key] = position;
  }
  return {
    snapshot: {
      ...base,
      user: { ...base.user, traits: { ...base.user?.traits, ...traits } },
      items,
      completed: union(base.completed, local?.completed),
      milestones: union(base.milestones, local?.milestones),
    },
    dismissed: union(server?.dismissed, local?.dismissed),
    guides,
  };
}

/** What to persist locally for `user`. */
export function localProgress(progress: Progress, user: string): LocalProgress {
  const { items, completed, milestones } = progress.snapshot;
  return { user, items, completed, milestones, dismissed: progress.dismissed, guides: progress.guides };
}

/**
 * The progress after one recorded message: its event counted (track and page), its page noted
 * (page), its traits applied (identify, group), then every milestone, item and checklist that now holds recorded. Returns
 * what newly holds, for the events and celebrations.
 */
export function applyMessage(
  progress: Progress,
  config: Pick<WaymarkConfig, 'milestones' | 'checklists'>,
  message: RecordedMessage,
  now: number,
): { progress: Progress; changes: ProgressChanges } {
  let snapshot = progress.snapshot;
  const key = message.type === 'track' || message.type === 'page' ? eventKey(message as Message) : undefined;
  if (key !== undefined) snapshot = recordEvent(snapshot, key, now);
  // Page conditions match the latest page view, as on the collector.
  const page = message.type === 'page' ? pageFacts(message.properties) : undefined;
  if (page) snapshot = { ...snapshot, page };
  if (message.type === 'identify' || message.type === 'group') {
    const scope = message.type === 'identify' ? 'user' : 'account';
    snapshot = { ...snapshot, [scope]: { ...snapshot[scope], traits: { ...snapshot[scope].traits, ...message.traits } } };
  }
  const settled = settleProgress(snapshot, config, now);
  return { progress: { ...progress, snapshot: settled.snapshot }, changes: settled.changes };
}

/** The guide that is active (the latest, if several are), with its position. */
export function activeGuide(progress: Progress): [key: string, position: GuidePosition] | undefined {
  let best: [string, GuidePosition] | undefined;
  for (const entry of Object.entries(progress.guides)) {
    if (entry[1].status === 'active' && (!best || atMs(entry[1].at) > atMs(best[1].at))) best = entry;
  }
  return best;
}

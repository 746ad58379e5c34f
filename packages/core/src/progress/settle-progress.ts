import type { WaymarkConfig } from '../config/config-schema.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import type { StateSnapshot } from '../state/state-snapshot.js';
import { progressChanges, type ProgressChanges } from './progress-changes.js';

export type { ProgressChanges } from './progress-changes.js';

/**
 * Records in the snapshot every milestone, checklist item and checklist whose condition holds at
 * `now` and was not recorded yet (recorded progress is never taken back). Pure: returns a new
 * snapshot and what changed. Run it after `recordEvent` or a trait change.
 */
export function settleProgress(
  snapshot: StateSnapshot,
  config: Pick<WaymarkConfig, 'milestones' | 'checklists'>,
  now: number,
): { snapshot: StateSnapshot; changes: ProgressChanges } {
  const changes = progressChanges(config, snapshotFacts(snapshot, now));
  if (changes.milestones.length + changes.items.length + changes.completed.length === 0) return { snapshot, changes };
  const items = { ...snapshot.items };
  for (const { checklist, item } of changes.items) {
    const before = Object.hasOwn(items, checklist) ? items[checklist] : undefined;
    items[checklist] = [...(Array.isArray(before) ? before : []), item];
  }
  return {
    snapshot: { ...snapshot, items, milestones: [...snapshot.milestones, ...changes.milestones], completed: [...snapshot.completed, ...changes.completed] },
    changes,
  };
}

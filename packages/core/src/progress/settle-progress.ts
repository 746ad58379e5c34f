import type { WaymarkConfig } from '../config/config-schema.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import type { StateSnapshot } from '../state/state-snapshot.js';
import { checklistProgress } from './checklist-progress.js';
import { deriveFacts } from './derive-facts.js';
import { milestonesReached } from './milestones-reached.js';

/** What `settleProgress` newly recorded: for celebrations and the events that report them. */
export interface ProgressChanges {
  milestones: string[];
  items: Array<{ checklist: string; item: string }>;
  completed: string[];
}

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
  const base = snapshotFacts(snapshot, now);
  const facts = deriveFacts(config, base);
  const changes: ProgressChanges = { milestones: [], items: [], completed: [] };
  for (const m of milestonesReached(config, facts)) if (!base.milestoneReached(m.key)) changes.milestones.push(m.key);
  const items = { ...snapshot.items };
  for (const checklist of config.checklists) {
    const progress = checklistProgress(checklist, facts);
    const fresh = progress.items.filter((it) => it.done && !base.checklistItemDone(checklist.key, it.key)).map((it) => it.key);
    if (fresh.length > 0) {
      const before = Object.prototype.hasOwnProperty.call(items, checklist.key) ? items[checklist.key] : undefined;
      items[checklist.key] = [...(Array.isArray(before) ? before : []), ...fresh];
    }
    for (const item of fresh) changes.items.push({ checklist: checklist.key, item });
    if (progress.complete && !base.checklistComplete(checklist.key)) changes.completed.push(checklist.key);
  }
  if (changes.milestones.length + changes.items.length + changes.completed.length === 0) return { snapshot, changes };
  return {
    snapshot: { ...snapshot, items, milestones: [...snapshot.milestones, ...changes.milestones], completed: [...snapshot.completed, ...changes.completed] },
    changes,
  };
}

import type { ConditionFacts } from '../condition/condition-facts.js';
import { checklistProgress } from './checklist-progress.js';
import { deriveFacts, type ProgressDefinitions } from './derive-facts.js';
import { milestonesReached } from './milestones-reached.js';

/** What `settleProgress` newly recorded: for celebrations and the events that report them. */
export interface ProgressChanges {
  milestones: string[];
  items: Array<{ checklist: string; item: string }>;
  completed: string[];
}

/**
 * The milestones, checklist items and checklists whose conditions hold for `facts` (at
 * `facts.now`) and that `facts` does not record yet, in config order. Pure; `settleProgress`
 * applies it to a snapshot, `progressTimeline` to the moments of an event history.
 */
export function progressChanges(config: ProgressDefinitions, base: ConditionFacts): ProgressChanges {
  const facts = deriveFacts(config, base);
  const changes: ProgressChanges = { milestones: [], items: [], completed: [] };
  for (const m of milestonesReached(config, facts)) if (!base.milestoneReached(m.key)) changes.milestones.push(m.key);
  for (const checklist of config.checklists) {
    const progress = checklistProgress(checklist, facts);
    for (const it of progress.items)
      if (it.done && !base.checklistItemDone(checklist.key, it.key)) changes.items.push({ checklist: checklist.key, item: it.key });
    if (progress.complete && !base.checklistComplete(checklist.key)) changes.completed.push(checklist.key);
  }
  return changes;
}

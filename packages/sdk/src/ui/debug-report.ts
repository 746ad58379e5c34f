import { checklistProgress, explainCondition, type ConditionFacts, type Explanation, type WaymarkConfig } from '@waymark/core';
import { format } from './strings.js';
import type { Progress } from './progress.js';
import type { TourView, TourWait } from './guide-runner.js';

/** One entry of the debug panel: what it is about, whether it shows, and why. */
export interface DebugEntry {
  title: string;
  shown: boolean;
  notes: string[];
  explanations: Array<[label: string, explanation: Explanation]>;
}

/** What the UI knows that the report explains. */
export interface DebugInput {
  config: WaymarkConfig;
  facts: ConditionFacts;
  progress: Progress;
  /** The checklist on screen, if any. */
  shown: string | undefined;
  tour: TourView | undefined;
  wait: TourWait;
  /** Steps whose target never showed, by guide key. */
  missing: Map<string, string>;
}

/**
 * Why each checklist and guide is or is not showing: audience and item conditions explained node
 * by node (core's explainCondition), dismissals, guide positions, and missing targets. Lives in
 * the debug chunk, so the explainer's weight is paid only in debug mode. English only: it is a tool
 * for the product team, not for end users.
 */
export function debugReport({ config, facts, progress, shown, tour, wait, missing }: DebugInput): DebugEntry[] {
  const checklists = config.checklists.map((c): DebugEntry => {
    const p = checklistProgress(c, facts);
    const notes = [`${p.done}/${p.total} done`];
    if (progress.dismissed.includes(c.key)) notes.push('dismissed by the user');
    if (p.complete) notes.push('complete');
    const explanations: DebugEntry['explanations'] = c.audience
      ? [['audience', explainCondition(c.audience, facts)]]
      : [['audience', { kind: 'all', result: true, reason: 'no audience: everyone', condition: { all: [] } }]];
    for (const it of c.items) explanations.push([`item ${it.key}`, explainCondition(it.done, facts)]);
    return { title: `checklist ${c.key}`, shown: shown === c.key, notes, explanations };
  });
  const guides = config.guides.map((g): DebugEntry => {
    const position = progress.guides[g.key];
    const notes = [position ? `${position.status}${position.step ? ` at step ${position.step}` : ''}` : 'not started'];
    if (wait?.guide === g.key)
      notes.push(
        wait.reason === 'url'
          ? format('step {step} waits for a page matching {url}', { step: wait.step, url: wait.url ?? '' })
          : `waiting for the target of step ${wait.step}`,
      );
    const lost = missing.get(g.key);
    if (lost) notes.push(`target of step ${lost} never showed (Guide Errored sent)`);
    return { title: `guide ${g.key}`, shown: tour?.guide.key === g.key, notes, explanations: [] };
  });
  return [...checklists, ...guides];
}

import {
  checklistProgress,
  explainCondition,
  triggerVerdict,
  type Condition,
  type ConditionFacts,
  type Explanation,
  type NudgeRecord,
  type Trigger,
  type TriggerVerdict,
  type WaymarkConfig,
} from '@waymark/core';
import { format } from './strings.js';
import type { Progress } from './progress.js';
import type { TourView, TourWait } from './guide-runner.js';
import type { NewsMark } from './user-marks.js';

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
  /** The shared history of what started by itself, and this session's id (for triggers). */
  history: readonly NudgeRecord[];
  session: string;
  /** The announcements the user has seen, and the one on screen. */
  news: Record<string, NewsMark>;
  announcement: string | undefined;
}

const whyNot: Record<Exclude<TriggerVerdict, 'start' | 'moment'>, string> = {
  dates: 'outside its from/until dates',
  page: 'not on its page',
  audience: 'its audience does not hold',
  'nudge-max': 'it already started once for this user',
  cooldown: 'its repeat days have not passed',
  'session-budget': 'something already started by itself in this session',
  'day-budget': 'three things started by themselves in the last 24 hours',
  dismissed: 'dismissed',
  snoozed: 'snoozed',
};

/** What a trigger would do at its next moment (a page view here, or its event), and its audience explained. */
function triggerReport(
  id: string,
  t: Trigger | undefined,
  audience: Condition | undefined,
  { facts, history, session }: DebugInput,
): Pick<DebugEntry, 'notes' | 'explanations'> {
  if (!t) return { notes: [], explanations: [] };
  const when = t.event !== undefined ? `on "${t.event}"${t.page ? ` on ${t.page}` : ''}` : `on a page view of ${t.page}`;
  const v = triggerVerdict({ id, trigger: t, audience }, t.event !== undefined ? { type: 'event', event: t.event } : { type: 'page' }, facts, history, session);
  return {
    notes: [`trigger ${when}: ${v === 'start' || v === 'moment' ? 'would start (when nothing else is on screen)' : `would not start: ${whyNot[v]}`}`],
    explanations: t.audience ? [['trigger audience', explainCondition(t.audience, facts)]] : [],
  };
}

/**
 * Why each checklist, guide and announcement is or is not showing: audience and item conditions explained node
 * by node (core's explainCondition), dismissals, guide positions, and missing targets. Lives in
 * the debug chunk, so the explainer's weight is paid only in debug mode. English only: it is a tool
 * for the product team, not for end users.
 */
export function debugReport(input: DebugInput): DebugEntry[] {
  const { config, facts, progress, shown, tour, wait, missing } = input;
  const checklists = config.checklists.map((c): DebugEntry => {
    const p = checklistProgress(c, facts);
    const notes = [`${p.done}/${p.total} done`];
    if (progress.dismissed.includes(c.key)) notes.push('dismissed by the user');
    if (p.complete) notes.push('complete');
    const explanations: DebugEntry['explanations'] = c.audience
      ? [['audience', explainCondition(c.audience, facts)]]
      : [['audience', { kind: 'all', result: true, reason: 'no audience: everyone', condition: { all: [] } }]];
    for (const it of c.items) explanations.push([`item ${it.key}`, explainCondition(it.done, facts)]);
    const trigger = triggerReport(`checklist:${c.key}`, c.trigger, c.audience, input);
    return {
      title: `checklist ${c.key}`,
      shown: shown === c.key,
      notes: [...notes, ...trigger.notes],
      explanations: [...explanations, ...trigger.explanations],
    };
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
    const trigger = triggerReport(`guide:${g.key}`, g.trigger, undefined, input);
    return { title: `guide ${g.key}`, shown: tour?.guide.key === g.key, notes: [...notes, ...trigger.notes], explanations: trigger.explanations };
  });
  const announcements = config.announcements.map((a): DebugEntry => {
    const m = input.news[a.key];
    const notes = [m ? `seen${m.clicked ? ', call to action used' : ''}${m.dismissed ? ', dismissed' : ''}` : 'not seen'];
    if (!a.trigger) notes.push("no trigger: listed in What's new only");
    const trigger = m?.clicked || m?.dismissed ? { notes: [], explanations: [] } : triggerReport(`announcement:${a.key}`, a.trigger, a.audience, input);
    const explanations: DebugEntry['explanations'] = a.audience ? [['audience', explainCondition(a.audience, facts)]] : [];
    return {
      title: `announcement ${a.key}`,
      shown: input.announcement === a.key,
      notes: [...notes, ...trigger.notes],
      explanations: [...explanations, ...trigger.explanations],
    };
  });
  return [...checklists, ...guides, ...announcements];
}

import type { Condition } from '../condition/condition.js';
import type { ConditionFacts } from '../condition/condition-facts.js';
import { evaluateCondition } from '../condition/evaluate-condition.js';
import type { Trigger } from '../config/trigger.js';
import { defaultNudgeCaps } from '../nudge/nudge-caps.js';
import type { NudgeHistory } from '../nudge/nudge-history.js';
import { mayNudge, type NudgeCapReason } from '../nudge/may-nudge.js';
import { matchPage } from '../page/match-page.js';

/** Something with a trigger that may start now: a guide, a checklist, or any other kind of experience. */
export interface TriggerCandidate {
  /** The experience's id in the shared history: `<kind>:<key>` (`guide:reports-tour`). */
  id: string;
  trigger: Trigger;
  /** The experience's own audience, if it has one (a checklist's); it must hold too. */
  audience?: Condition | undefined;
}

/** The moment triggers are checked at: a page view (the page is in `facts`) or a tracked event. */
export type TriggerMoment = { type: 'page' } | { type: 'event'; event: string };

/** Why a candidate did not start (for debug mode), or `start`. */
export type TriggerVerdict = 'start' | 'moment' | 'dates' | 'page' | 'audience' | Exclude<NudgeCapReason, 'allowed'>;

const dayMs = 86_400_000;

/** Whether one candidate may start at this moment, and if not, why (dates, moment, page, audience, then the caps). */
export function triggerVerdict(c: TriggerCandidate, moment: TriggerMoment, facts: ConditionFacts, history: NudgeHistory, session: string): TriggerVerdict {
  const t = c.trigger;
  if ((t.from !== undefined && facts.now < Date.parse(t.from)) || (t.until !== undefined && facts.now >= Date.parse(t.until))) return 'dates';
  if (t.event !== undefined ? moment.type !== 'event' || moment.event !== t.event : moment.type !== 'page') return 'moment';
  const page = facts.page?.();
  if (t.page !== undefined && !(page && matchPage({ page: t.page }, page))) return 'page';
  if ((t.audience && !evaluateCondition(t.audience, facts)) || (c.audience && !evaluateCondition(c.audience, facts))) return 'audience';
  // The one frequency budget: the session and day budgets count every start (nudges too); the
  // experience's own cap is once, or once per `repeat.afterDays`.
  const caps = { ...defaultNudgeCaps, perNudgeMax: t.repeat ? Number.POSITIVE_INFINITY : 1, perNudgeCooldownMs: (t.repeat?.afterDays ?? 0) * dayMs };
  const verdict = mayNudge(history, facts.now, caps, { nudge: c.id, session });
  return verdict.allowed ? 'start' : (verdict.reason as TriggerVerdict);
}

/**
 * The candidate to start at this moment, if any: of those whose trigger fires and that the caps
 * allow, the highest priority, the earliest in the list on a tie. Pure: the caller says what is on
 * screen (it starts nothing while anything else is) and records the start.
 */
export function pickTrigger(
  candidates: readonly TriggerCandidate[],
  moment: TriggerMoment,
  facts: ConditionFacts,
  history: NudgeHistory,
  session: string,
): TriggerCandidate | undefined {
  let best: TriggerCandidate | undefined;
  for (const c of candidates) {
    if (triggerVerdict(c, moment, facts, history, session) === 'start' && (!best || c.trigger.priority > best.trigger.priority)) best = c;
  }
  return best;
}

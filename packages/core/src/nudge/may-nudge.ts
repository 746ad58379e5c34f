import { defaultNudgeCaps, type NudgeCaps } from './nudge-caps.js';
import type { NudgeHistory } from './nudge-history.js';

/** The moment a nudge would be shown. */
export interface NudgeContext {
  /** Key of the nudge to show. */
  nudge: string;
  /** The current session's id (budgets per session count `shown` records with it). */
  session: string;
}

/** Why a nudge may or may not be shown, in the order `mayNudge` checks. */
export type NudgeCapReason = 'allowed' | 'dismissed' | 'snoozed' | 'nudge-max' | 'cooldown' | 'session-budget' | 'day-budget';

/** The decision of `mayNudge`; `until` is when a time-bound refusal ends. */
export interface NudgeVerdict {
  allowed: boolean;
  reason: NudgeCapReason;
  until?: number;
}

const dayMs = 86_400_000;
// A reduce, not Math.max(...list): a long synced history must not overflow the argument limit.
const latest = (times: number[]) => times.reduce((a, b) => Math.max(a, b), -Infinity);

/**
 * Whether the nudge may be shown now, given the user's nudge history. `caps` fall back to
 * `defaultNudgeCaps` field by field. Records in the future (clock skew between devices) count as now.
 */
export function mayNudge(history: NudgeHistory, now: number, caps: Partial<NudgeCaps>, context: NudgeContext): NudgeVerdict {
  const c = { ...defaultNudgeCaps, ...caps };
  const no = (reason: NudgeCapReason, until?: number): NudgeVerdict => ({ allowed: false, reason, ...(until === undefined ? {} : { until }) });
  const mine = history.filter((r) => r.nudge === context.nudge);
  if (mine.some((r) => r.type === 'dismissed')) return no('dismissed');
  const snoozedUntil = latest(mine.map((r) => (r.type === 'snoozed' ? r.until : -Infinity)));
  if (snoozedUntil > now) return no('snoozed', snoozedUntil);

  const shown = history.filter((r) => r.type === 'shown');
  const mineShown = shown.filter((r) => r.nudge === context.nudge);
  if (mineShown.length >= c.perNudgeMax) return no('nudge-max');
  const last = latest(mineShown.map((r) => Math.min(r.at, now)));
  if (now - last < c.perNudgeCooldownMs) return no('cooldown', last + c.perNudgeCooldownMs);
  if (shown.filter((r) => r.session === context.session).length >= c.perSession) return no('session-budget');
  const today = shown
    .map((r) => Math.min(r.at, now))
    .filter((at) => at > now - dayMs)
    .sort((a, b) => a - b);
  if (today.length >= c.perDay) return no('day-budget', today[today.length - c.perDay]! + dayMs);
  return { allowed: true, reason: 'allowed' };
}

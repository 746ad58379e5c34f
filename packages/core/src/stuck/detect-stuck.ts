import { activeMs } from './active-ms.js';
import { findRageClicks } from './find-rage-clicks.js';
import { defaultStuckRules, type StuckRules } from './stuck-rules.js';
import type { StuckSignals } from './stuck-signals.js';

/** Why a user is stuck, most acute first (the order `detectStuck` checks in). */
export type StuckReason = 'rage-clicks' | 'dead-clicks' | 'errors' | 'failed-attempts' | 'repeat-visits' | 'idle-on-step';

/** The decision of `detectStuck`, with a short explanation for debug mode and tracking. */
export interface StuckDecision {
  stuck: boolean;
  reason?: StuckReason;
  detail: string;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Whether the user looks stuck on their next unfinished item, and why, from the signals the SDK
 * collected on it. `now` is the caller's clock; `rules` fall back to `defaultStuckRules` field by
 * field. When several reasons hold, the most acute one is given (rage clicks before idle time).
 */
export function detectStuck(signals: StuckSignals, now: number, rules: Partial<StuckRules> = {}): StuckDecision {
  const r = { ...defaultStuckRules, ...rules };
  const since = signals.since ?? -Infinity;
  const clicks = (signals.clicks ?? []).filter((c) => c.at >= since && c.at <= now && c.at >= now - r.clickWindowMs);

  const burst = findRageClicks(clicks, r.rage);
  if (burst)
    return { stuck: true, reason: 'rage-clicks', detail: `${burst.length} clicks within ${burst[burst.length - 1]!.at - burst[0]!.at} ms in one spot` };
  const dead = clicks.filter((c) => c.onTarget && !c.caused).length;
  if (dead >= r.deadClicks) return { stuck: true, reason: 'dead-clicks', detail: `${dead} clicks on or near the target caused nothing, needs ${r.deadClicks}` };
  const errors = signals.errors ?? 0;
  if (errors >= r.errors) return { stuck: true, reason: 'errors', detail: `${errors} errors, needs ${r.errors}` };
  const failed = (signals.attempts ?? 0) - (signals.successes ?? 0);
  if (failed >= r.failedAttempts) return { stuck: true, reason: 'failed-attempts', detail: `${failed} attempts without success, needs ${r.failedAttempts}` };
  const visits = signals.visits ?? 0;
  if (visits >= r.visits) return { stuck: true, reason: 'repeat-visits', detail: `${visits} visits without completing it, needs ${r.visits}` };
  const active = signals.activity ? activeMs(signals.activity, since, now) : (signals.activeMs ?? 0);
  if (active >= r.activeMs) return { stuck: true, reason: 'idle-on-step', detail: `${seconds(active)} active without progress, needs ${seconds(r.activeMs)}` };
  return { stuck: false, detail: `not stuck: ${seconds(active)} active, ${visits} visits, ${Math.max(0, failed)} failed attempts, ${errors} errors` };
}

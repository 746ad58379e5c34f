import { defaultFlagRules, type FlagRules } from './flag-rules.js';
import type { HealthPoint } from './health-change.js';

/** The kinds of early-warning flag. */
export type FlagKind = 'no-activity' | 'low-seat-activation' | 'milestone-overdue' | 'usage-drop' | 'health-falling' | 'users-stuck';

/** A raised flag. `key` is the kind, or `milestone-overdue:<milestone>` (one flag per overdue milestone). */
export interface Flag {
  key: string;
  kind: FlagKind;
  /** When it was raised, in ms since the epoch (kept while it stays raised). */
  since: number;
  /** The overdue milestone, for `milestone-overdue`. */
  milestone?: string;
}

/** What an account looks like on one day, as the flags need it. */
export interface FlagInput {
  /** The account day (see `accountDay`). */
  day: number;
  /** Active users per account day: index = day, from day 0 up to `day`; missing entries count as 0. */
  activeUsersByDay: readonly number[];
  /** `seatActivation`; undefined when the seats are unknown (then no flag). */
  seatActivation: number | undefined;
  /** Keys of the milestones whose status is `overdue`. */
  overdueMilestones: readonly string[];
  /** The daily health history (any order). */
  health: readonly HealthPoint[];
  /** Users currently stuck (from the nudges' escalation). */
  stuckUsers: number;
  /**
   * When an account day starts (ms). With it, a flag first seen late dates from when its condition
   * began, where that is certain: no activity from the start of day `noActivityDays`, a milestone
   * overdue from the start of the day after its target day (given in `milestoneTargetDays`).
   */
  dayStartMs?: (day: number) => number;
  /** Target day of each milestone by key, for `dayStartMs`. */
  milestoneTargetDays?: ReadonlyMap<string, number>;
}

/** The flags now, and which were raised or cleared since `previous`. */
export interface FlagEvaluation {
  flags: Flag[];
  raised: Flag[];
  cleared: Flag[];
}

const sum = (counts: readonly number[], from: number, to: number) => {
  let total = 0;
  for (let d = Math.max(0, from); d <= to; d++) total += counts[d] ?? 0;
  return total;
};

function fallingDays(health: readonly HealthPoint[], day: number, days: number): boolean {
  const byDay = new Map(health.map((p) => [p.day, p.score]));
  for (let d = day - days + 1; d <= day; d++) {
    const today = byDay.get(d);
    const before = byDay.get(d - 1);
    if (today === undefined || before === undefined || !(today < before)) return false;
  }
  return true;
}

/** When the condition of a new flag began, where the input makes it certain; else `now`. */
function beganAt(flag: Omit<Flag, 'since'>, input: FlagInput, now: number, rules: FlagRules): number {
  const start = input.dayStartMs;
  if (!start) return now;
  if (flag.kind === 'no-activity') return Math.min(now, start(rules.noActivityDays));
  const target = flag.milestone === undefined ? undefined : input.milestoneTargetDays?.get(flag.milestone);
  if (flag.kind === 'milestone-overdue' && target !== undefined) return Math.min(now, start(target + 1));
  return now;
}

/**
 * The early-warning flags that hold for `input`, each keeping the `since` of its entry in
 * `previous`; a new one starts when its condition began (see `dayStartMs`), else at `now`. Flags
 * of `previous` that no longer hold are cleared.
 * Evaluate once per account per day (or on every change) and store `flags` for the next call.
 */
export function evaluateFlags(input: FlagInput, previous: readonly Flag[], now: number, rules: FlagRules = defaultFlagRules): FlagEvaluation {
  const { day, activeUsersByDay: active } = input;
  const holding: Omit<Flag, 'since'>[] = [];
  if (day >= rules.noActivityDays && sum(active, 0, day) === 0) holding.push({ key: 'no-activity', kind: 'no-activity' });
  if (day >= rules.seatActivationDay && input.seatActivation !== undefined && input.seatActivation < rules.seatActivationMin) {
    holding.push({ key: 'low-seat-activation', kind: 'low-seat-activation' });
  }
  for (const milestone of new Set(input.overdueMilestones)) holding.push({ key: `milestone-overdue:${milestone}`, kind: 'milestone-overdue', milestone });
  // Whole weeks only: today is still under way, so the last week is days day-7 to day-1.
  if (day >= 14) {
    const lastWeek = sum(active, day - 7, day - 1);
    const weekBefore = sum(active, day - 14, day - 8);
    if (weekBefore >= rules.usageMinBase && lastWeek <= weekBefore * (1 - rules.usageDrop)) holding.push({ key: 'usage-drop', kind: 'usage-drop' });
  }
  if (fallingDays(input.health, day, rules.healthFallingDays)) holding.push({ key: 'health-falling', kind: 'health-falling' });
  if (input.stuckUsers > 0) holding.push({ key: 'users-stuck', kind: 'users-stuck' });

  const before = new Map(previous.map((f) => [f.key, f]));
  const raised: Flag[] = [];
  const flags = holding.map((f) => {
    const kept = before.get(f.key);
    if (kept) return kept;
    const flag = { ...f, since: beganAt(f, input, now, rules) };
    raised.push(flag);
    return flag;
  });
  const keys = new Set(holding.map((f) => f.key));
  return { flags, raised, cleared: previous.filter((f) => !keys.has(f.key)) };
}

import type { FlagFacts } from './flag.js';
import type { FlagRules } from './flag-rules.js';
import { poissonAtMost } from './poisson-at-most.js';
import { weekdayBaseline } from './weekday-baseline.js';

// The shortest and longest windows usage-drop looks at: short ones catch a large account's drop in
// days, long ones let a small account's drop add up to something that is not chance.
const minWindow = 3;
const maxWindow = 14;

/**
 * went-quiet on account day `day`: nobody active on the whole days since `lastActiveDay` (and
 * `day` itself is not known to be active). Raised once the silence has lasted `quietMinDays` and
 * is unlikely for this account (the chance of no activity at all, given its usual active users on
 * those weekdays, is at most `significance`), or has lasted `quietMaxDays`.
 */
export function quietCheck(activeByDay: readonly number[], day: number, lastActiveDay: number, rules: FlagRules): FlagFacts | undefined {
  const days = day - 1 - lastActiveDay;
  if (days < rules.quietMinDays) return undefined;
  if (days >= rules.quietMaxDays) return { days, lastActiveDay };
  let mean = 0;
  for (let d = 0; d <= lastActiveDay; d++) mean += activeByDay[d] ?? 0;
  mean /= lastActiveDay + 1;
  let usual = 0;
  for (let d = lastActiveDay + 1; d < day; d++) usual += weekdayBaseline(activeByDay, d, lastActiveDay + 1) ?? mean;
  return poissonAtMost(0, usual) <= rules.significance ? { days, lastActiveDay } : undefined;
}

/** A usage drop found by `dropCheck`, with the usual active user-days of a whole week before it (for recovery). */
export interface UsageDrop {
  facts: FlagFacts;
  usualWeek: number;
}

/**
 * usage-drop raised on account day `day`: for some window of the last 3 to 14 whole days, the
 * active user-days are at most `1 − usageDrop` of the usual number for those days (the same
 * weekdays of the 4 weeks before the window, `weekdayBaseline`), the usual number is at least
 * `usageMinBase`, and a count that low is unlikely by chance (Poisson, at most `significance`).
 * The shortest such window wins. Windows start on `notBefore` or later (the day the last drop
 * ended), so the days of a drop that is over are not judged again.
 */
export function dropCheck(activeByDay: readonly number[], day: number, rules: FlagRules, notBefore = 0): UsageDrop | undefined {
  for (let w = minWindow; w <= Math.min(maxWindow, day - notBefore); w++) {
    const from = day - w;
    let current = 0;
    let usual = 0;
    let known = true;
    for (let d = from; d < day && known; d++) {
      const base = weekdayBaseline(activeByDay, d, from);
      if (base === undefined) known = false;
      else {
        usual += base;
        current += activeByDay[d] ?? 0;
      }
    }
    if (!known || usual < rules.usageMinBase || current > (1 - rules.usageDrop) * usual) continue;
    if (poissonAtMost(current, usual) > rules.significance) continue;
    let usualWeek = 0;
    for (let d = day - 7; d < day; d++) usualWeek += weekdayBaseline(activeByDay, d, from) ?? usual / w;
    return { facts: { current, usual, windowDays: w }, usualWeek };
  }
  return undefined;
}

/** usage-drop held on account day `day`: the last 7 whole days are still below `usageRecover` of the usual week before the drop. */
export function dropHolds(activeByDay: readonly number[], day: number, usualWeek: number, rules: FlagRules): FlagFacts | undefined {
  let current = 0;
  for (let d = Math.max(0, day - 7); d < day; d++) current += activeByDay[d] ?? 0;
  return current >= rules.usageRecover * usualWeek ? undefined : { current, usual: usualWeek, windowDays: 7 };
}

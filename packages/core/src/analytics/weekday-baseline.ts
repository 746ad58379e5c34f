/**
 * The account's usual number of active users on account day `day`: the mean over the same weekday
 * of up to `weeks` earlier weeks (day − 7, day − 14, …), taking only days before `before` (so a
 * stretch being judged is never its own baseline) and never before day 0. Undefined when no such
 * day exists (the account is younger than a week at that point).
 */
export function weekdayBaseline(activeByDay: readonly number[], day: number, before: number, weeks = 4): number | undefined {
  let d = day - 7;
  while (d >= before) d -= 7;
  let sum = 0;
  let n = 0;
  for (; d >= 0 && n < weeks; d -= 7) {
    sum += activeByDay[d] ?? 0;
    n++;
  }
  return n === 0 ? undefined : sum / n;
}

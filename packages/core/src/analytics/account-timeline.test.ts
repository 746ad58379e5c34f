import { describe, expect, it } from 'vitest';
import { accountTimeline, type AccountSeries } from './account-timeline.js';

/** Account days → the users active that day, from a rule per day. */
function series(days: number, usersOn: (d: number) => number): Map<number, Set<string>> {
  const daily = new Map<number, Set<string>>();
  for (let d = 0; d < days; d++) {
    const n = usersOn(d);
    if (n > 0) daily.set(d, new Set(Array.from({ length: n }, (_, i) => `u${i}`)));
  }
  return daily;
}
const input = (today: number, daily: Map<number, Set<string>>, extra: Partial<AccountSeries> = {}): AccountSeries => ({
  today,
  daily,
  firstCoreUseDay: [...daily.keys()].sort((a, b) => a - b)[0],
  seats: undefined,
  featureDays: [0, 0],
  coreFeatures: 2,
  milestones: [],
  ...extra,
});
const spansOf = (t: ReturnType<typeof accountTimeline>) => t.spans.map((s) => [s.key, s.fromDay, s.toDay]);
const weekday = (d: number) => d % 7 < 5; // days 5 and 6 of each week are the weekend

describe('accountTimeline', () => {
  it('raises nothing for a steady account that works on weekdays only', () => {
    const t = accountTimeline(
      input(
        60,
        series(61, (d) => (weekday(d) ? 3 : 0)),
        { seats: 4 },
      ),
    );
    expect(t.spans).toEqual([]);
    expect(t.days.at(-1)).toMatchObject({ band: 'green' });
  });

  it('went-quiet: raised once a silence is unlikely for the account, cleared when someone is back', () => {
    // 5 users on weekdays until day 18 (a Friday), then nobody until day 42 (a Monday).
    const daily = series(45, (d) => (d <= 20 && weekday(d) ? 5 : d >= 40 && weekday(d) ? 1 : 0));
    const t = accountTimeline(input(44, daily, { seats: 5 }));
    // The weekend (days 19, 20) is usually empty: no news. With Monday (day 21) silent too, 5 user-days were
    // expected and e^-5 < 0.01: raised on day 22.
    const quiet = t.spans.find((s) => s.key === 'went-quiet')!;
    expect([quiet.fromDay, quiet.toDay]).toEqual([22, 42]);
    expect(t.days[39]).toMatchObject({ driver: 'went-quiet', reason: 'no one active for 20 days' });
    expect(t.days[39]!.score).toBeLessThanOrEqual(50);
    expect(t.days[39]!.band).toBe('red');
  });

  it('went-quiet waits longer for a small, irregular account, and at most quietMaxDays', () => {
    // One user every third day, then silence from day 31.
    const daily = series(50, (d) => (d <= 30 && d % 3 === 0 ? 1 : 0));
    const t = accountTimeline(input(49, daily));
    const quiet = t.spans.find((s) => s.key === 'went-quiet')!;
    // Usual 1/3 user-day a day: e^-(n/3) ≤ 0.01 needs 14 days; quietMaxDays (7) comes first: day 30 + 1 + 7.
    expect(quiet.fromDay).toBe(38);
  });

  it('no-activity: raised on day noActivityDays when nobody has used a core feature, cleared by the first use', () => {
    const t = accountTimeline(
      input(
        20,
        series(21, (d) => (d >= 9 ? 2 : 0)),
      ),
    );
    expect(spansOf(t)).toContainEqual(['no-activity', 3, 9]);
    expect(t.days[5]).toMatchObject({ driver: 'no-activity', band: 'red' });
    // Users who only look around (active, but no core feature used until day 12) have not started either.
    const lookers = accountTimeline(
      input(
        20,
        series(21, (d) => (d <= 4 || d >= 12 ? 1 : 0)),
        { firstCoreUseDay: 12 },
      ),
    );
    expect(spansOf(lookers).filter(([key]) => key === 'no-activity')).toEqual([['no-activity', 3, 12]]);
  });

  it('usage-drop: raised within days of a collapse, held while it lasts, cleared on recovery', () => {
    // 10 users a day for 5 weeks, 2 a day for 3 weeks (days 35–55), then 10 again.
    const daily = series(80, (d) => (d >= 35 && d <= 55 ? 2 : 10));
    const t = accountTimeline(input(79, daily, { seats: 12 }));
    const drop = t.spans.filter((s) => s.key === 'usage-drop');
    expect(drop).toHaveLength(1);
    // Days 34–36 have 14 user-days against 30 usual (under half, and that unlikely by chance): raised on
    // day 37, two days after the onset.
    expect(drop[0]!.fromDay).toBe(37);
    // Held for the three weeks (a week-over-week comparison would have let go after one), and
    // cleared once the last 7 whole days are back to 75% of the usual week (days 54–60: 54 of 70).
    expect(drop[0]!.toDay).toBe(61);
    expect(t.days[50]).toMatchObject({ driver: 'usage-drop', band: 'red' });
    expect(t.days[50]!.reason).toBe('usage at 20% of its usual level (14 active user-days in 7 days, usually 70)');
  });

  it('few-seats-active: from day seatsDay, under seatsActiveMin of the seats active in 28 whole days', () => {
    const daily = series(40, () => 3);
    expect(spansOf(accountTimeline(input(39, daily, { seats: 10 })))).toEqual([['few-seats-active', 30, undefined]]);
    expect(accountTimeline(input(39, daily, { seats: 7 })).spans).toEqual([]);
    expect(accountTimeline(input(39, daily)).spans).toEqual([]);
  });

  it('milestone-overdue: from the day after the target day until the day it is reached', () => {
    const daily = series(30, () => 2);
    const t = accountTimeline(input(29, daily, { milestones: [{ key: 'activated', targetDay: 14, reachedDay: 20 }] }));
    expect(spansOf(t)).toEqual([['milestone-overdue:activated', 15, 20]]);
    // Not a risk flag: it does not cap the score.
    expect(t.days[16]!.driver).toBe('milestones');
  });

  it('gives the same days and spans as of any day, whatever came later', () => {
    const daily = series(70, (d) => (d < 30 ? 6 : d < 45 ? 1 : 0));
    const full = accountTimeline(input(69, daily, { seats: 8 }));
    const asOf50 = accountTimeline(input(50, daily, { seats: 8 }));
    expect(asOf50.days).toEqual(full.days.slice(0, 51));
    const closed = (t: typeof full, by: number) =>
      t.spans.map((s) => ({ ...s, toDay: s.toDay !== undefined && s.toDay <= by ? s.toDay : undefined, facts: undefined }));
    expect(closed(asOf50, 50)).toEqual(closed(full, 50).filter((s) => s.fromDay <= 50));
  });

  it('returns the days from fromDay on', () => {
    const t = accountTimeline(
      input(
        30,
        series(31, () => 1),
      ),
      { fromDay: 25 },
    );
    expect(t.days.map((d) => d.day)).toEqual([25, 26, 27, 28, 29, 30]);
  });
});

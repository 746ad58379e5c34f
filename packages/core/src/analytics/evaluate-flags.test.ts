import { describe, expect, it } from 'vitest';
import { evaluateFlags, type Flag, type FlagInput } from './evaluate-flags.js';

const dayMs = 86_400_000;
const start = Date.UTC(2026, 2, 1, 9);

/** One scripted day: what changes from the quiet default (nobody active, nothing wrong). */
type Script = (day: number) => Partial<FlagInput> & { active?: number };

/** Runs the flags day by day from day 0 to `lastDay`, and returns every raise and clear as `day: ±key`. */
function run(lastDay: number, script: Script): { log: string[]; flags: Flag[] } {
  const activeUsersByDay: number[] = [];
  let flags: Flag[] = [];
  const log: string[] = [];
  for (let day = 0; day <= lastDay; day++) {
    const { active = 0, ...rest } = script(day);
    activeUsersByDay[day] = active;
    const input: FlagInput = { day, activeUsersByDay, seatActivation: undefined, overdueMilestones: [], health: [], stuckUsers: 0, ...rest };
    const r = evaluateFlags(input, flags, start + day * dayMs);
    for (const f of r.raised) log.push(`${day}: +${f.key}`);
    for (const f of r.cleared) log.push(`${day}: -${f.key}`);
    flags = r.flags;
  }
  return { log, flags };
}

describe('evaluateFlags', () => {
  it('dates a flag first seen late from when its condition began, where that is certain', () => {
    const dayStartMs = (d: number) => start + d * dayMs;
    const input: FlagInput = {
      day: 40,
      activeUsersByDay: [],
      seatActivation: 0.1,
      overdueMilestones: ['first-project'],
      health: [],
      stuckUsers: 0,
      dayStartMs,
      milestoneTargetDays: new Map([['first-project', 14]]),
    };
    const now = start + 40 * dayMs + 3_600_000;
    const since = Object.fromEntries(evaluateFlags(input, [], now).flags.map((f) => [f.key, f.since]));
    expect(since).toEqual({
      'no-activity': dayStartMs(7),
      'milestone-overdue:first-project': dayStartMs(15),
      // Seat activation may have dropped below the threshold at any time: it counts from now.
      'low-seat-activation': now,
    });
    // A flag already raised keeps its own since.
    const kept: Flag = { key: 'no-activity', kind: 'no-activity', since: now - 5 };
    expect(evaluateFlags(input, [kept], now).flags[0]).toBe(kept);
  });

  it('raises no-activity once the first 7 days pass without anyone, and clears it on the first activity', () => {
    const { log, flags } = run(12, (day) => ({ active: day === 10 ? 1 : 0 }));
    expect(log).toEqual(['7: +no-activity', '10: -no-activity']);
    expect(flags).toEqual([]);
  });

  it('does not raise no-activity for an account active in its first week', () => {
    expect(run(20, (day) => ({ active: day === 6 ? 2 : 0 })).log).toEqual([]);
  });

  it('raises low seat activation from day 30 while below the threshold', () => {
    const seats = (day: number) => (day < 35 ? 0.2 : day < 40 ? 0.6 : day < 45 ? 0.4 : undefined);
    const { log } = run(46, (day) => ({ active: 1, seatActivation: seats(day) }));
    // Below 0.5 from day 0, but only flagged from day 30; recovers on 35, drops on 40, seats unknown from 45.
    expect(log).toEqual(['30: +low-seat-activation', '35: -low-seat-activation', '40: +low-seat-activation', '45: -low-seat-activation']);
  });

  it('raises one flag per overdue milestone, keeping its since', () => {
    const overdue = (day: number) => (day < 15 ? [] : day < 20 ? ['activated'] : day < 25 ? ['activated', 'invited'] : ['invited']);
    const { log, flags } = run(26, (day) => ({ active: 1, overdueMilestones: overdue(day) }));
    expect(log).toEqual(['15: +milestone-overdue:activated', '20: +milestone-overdue:invited', '25: -milestone-overdue:activated']);
    expect(flags).toEqual([{ key: 'milestone-overdue:invited', kind: 'milestone-overdue', milestone: 'invited', since: start + 20 * dayMs }]);
  });

  it('raises usage-drop when the last whole week is at most half the week before', () => {
    // 4 active users a day until day 20, then 1 a day, then back to 4 from day 30.
    const { log } = run(40, (day) => ({ active: day < 20 ? 4 : day < 30 ? 1 : 4 }));
    // Day 24: days 17–23 = 3·4 + 4·1 = 16 vs days 10–16 = 28: 16 > 14, no flag.
    // Day 25: days 18–24 = 2·4 + 5·1 = 13 ≤ 14: raised.
    // Day 28: days 21–27 = 7 vs days 14–20 = 6·4 + 1 = 25: still. Day 29: 7 vs days 15–21 = 5·4 + 2 = 22: still.
    // Day 31: days 24–30 = 6 + 4 = 10 vs days 17–23 = 16: 10 > 8, cleared.
    expect(log).toEqual(['25: +usage-drop', '31: -usage-drop']);
  });

  it('ignores a drop from a small base', () => {
    // 1 user a day (7 user-days a week, under the base of 10), then nobody.
    expect(run(30, (day) => ({ active: day < 20 ? 1 : 0 })).log).toEqual([]);
  });

  it('raises health-falling after 7 daily drops in a row and clears it when the score holds', () => {
    // 80 until day 10, then down 2 a day until day 20, flat from day 20.
    const score = (d: number) => (d <= 10 ? 80 : d <= 20 ? 80 - 2 * (d - 10) : 60);
    const { log } = run(22, (day) => ({ active: 1, health: Array.from({ length: day + 1 }, (_, d) => ({ day: d, score: score(d) })) }));
    // Drops on days 11–17 are the first 7 in a row; day 21 is flat.
    expect(log).toEqual(['17: +health-falling', '21: -health-falling']);
  });

  it('does not count a gap in the health history as falling', () => {
    const health = [0, 1, 2, 3, 4, 5, 7, 8].map((d) => ({ day: d, score: 100 - d }));
    expect(evaluateFlags({ day: 8, activeUsersByDay: [1], seatActivation: undefined, overdueMilestones: [], health, stuckUsers: 0 }, [], start).flags).toEqual([]);
  });

  it('raises users-stuck while anyone is stuck', () => {
    const { log } = run(8, (day) => ({ active: 1, stuckUsers: day >= 3 && day < 6 ? 2 : 0 }));
    expect(log).toEqual(['3: +users-stuck', '6: -users-stuck']);
  });

  it('reports several flags in rule order, each with its own since', () => {
    const input: FlagInput = { day: 40, activeUsersByDay: [], seatActivation: 0.1, overdueMilestones: ['a'], health: [], stuckUsers: 1 };
    const previous: Flag[] = [{ key: 'users-stuck', kind: 'users-stuck', since: 5 }, { key: 'usage-drop', kind: 'usage-drop', since: 3 }];
    const r = evaluateFlags(input, previous, 99);
    expect(r.flags.map((f) => [f.key, f.since])).toEqual([['no-activity', 99], ['low-seat-activation', 99], ['milestone-overdue:a', 99], ['users-stuck', 5]]);
    expect(r.raised.map((f) => f.key)).toEqual(['no-activity', 'low-seat-activation', 'milestone-overdue:a']);
    expect(r.cleared).toEqual([{ key: 'usage-drop', kind: 'usage-drop', since: 3 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { accountDayOf, delayStats, scoreInsight } from './insight-score.mjs';

const start = Date.UTC(2026, 0, 1, 9, 0);
const at = (day, hour = 12) => new Date(start + day * 86_400_000 + (hour - 9) * 3_600_000).toISOString();
const flag = (kind, sinceDay, clearedDay) => ({ key: kind, kind, since: at(sinceDay), ...(clearedDay === undefined ? {} : { clearedAt: at(clearedDay) }) });
/** A daily history of `age + 1` days, red on the days listed. */
const history = (age, redDays = []) =>
  Array.from({ length: age + 1 }, (_, day) => ({
    day,
    date: at(day).slice(0, 10),
    health: redDays.includes(day) ? 30 : 80,
    band: redDays.includes(day) ? 'red' : 'green',
  }));
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function account(kind, atRisk, onset, age, { flags = [], cleared = [], band = 'green', red = [], startAt = start, timeZone = 'UTC' } = {}) {
  return { label: { kind, atRisk, onset, age }, answer: { flags, clearedFlags: cleared, band, history: history(age, red), startAt, timeZone } };
}

// Eight hand-made accounts; the expected numbers below are worked out by hand from them.
const tokyoStart = Date.parse('2026-01-01T00:30:00Z'); // 09:30 on 1 January in Tokyo
const population = [
  // 1. went silent on day 10, flagged on day 12 and still flagged; red from day 11.
  account('went-silent', true, 10, 30, { flags: [flag('usage-drop', 12)], band: 'red', red: range(11, 30) }),
  // 2. collapsed on day 40, flagged on day 42 but cleared since; never red.
  account('collapsed', true, 40, 60, { cleared: [flag('usage-drop', 42, 49)], band: 'yellow' }),
  // 3. never started (onset 0), flagged on day 7; red from day 3.
  account('never-started', true, 0, 20, { flags: [flag('no-activity', 7)], band: 'red', red: range(3, 20) }),
  // 4. seats unused (onset 30), flagged only by a flag raised on day 20, before onset: early only.
  account('seats-unused', true, 30, 50, { flags: [flag('low-seat-activation', 20)] }),
  // 5. healthy but flagged now (a false alarm), raised on day 70 of 80: also a transient alarm.
  account('healthy', false, undefined, 80, { flags: [flag('milestone-overdue', 70), flag('usage-drop', 75)] }),
  // 6. healthy, one flag long ago (day 5 of 60, cleared on day 9): not flagged, not transient.
  account('healthy', false, undefined, 60, { cleared: [flag('usage-drop', 5, 9)] }),
  // 7. slow starter, flagged days 15–25 of 40 (transient), red now (a false alarm for red).
  account('slow-starter', false, undefined, 40, { cleared: [flag('milestone-overdue', 15, 25)], band: 'red', red: [40] }),
  // 8. went silent on day 5 in Tokyo; flagged at 16:00 UTC on 6 January = 01:00 on the 7th in Tokyo:
  //    account day 6 (day 5 in UTC), so a delay of 1. Red on day 7, green again now.
  account('went-silent', true, 5, 25, {
    flags: [{ key: 'usage-drop', kind: 'usage-drop', since: '2026-01-06T16:00:00.000Z' }],
    red: [7],
    startAt: tokyoStart,
    timeZone: 'Asia/Tokyo',
  }),
];

describe('delayStats', () => {
  it('takes the mean of the middle two for an even count and the nearest rank for p90', () => {
    expect(delayStats([7, 1, 2, 2])).toEqual({ n: 4, median: 2, p90: 7, max: 7 });
    expect(delayStats([5, 1, 3])).toEqual({ n: 3, median: 3, p90: 5, max: 5 });
    expect(delayStats([1, 4])).toEqual({ n: 2, median: 2.5, p90: 4, max: 4 });
    expect(delayStats([])).toEqual({ n: 0, median: null, p90: null, max: null });
  });
});

describe('accountDayOf', () => {
  it('counts calendar days in the account time zone', () => {
    expect(accountDayOf('2026-01-06T16:00:00.000Z', tokyoStart, 'Asia/Tokyo')).toBe(6);
    expect(accountDayOf('2026-01-06T16:00:00.000Z', tokyoStart, 'UTC')).toBe(5);
    expect(accountDayOf(at(0, 23), start, undefined)).toBe(0);
  });
});

describe('scoreInsight', () => {
  const result = scoreInsight(population);

  it('scores any flag: recall, precision, delay from onset, early-only detections', () => {
    expect(result.overall.any).toEqual({
      atRisk: 5,
      flagged: 5, // 1, 3, 4, 5, 8
      hits: 4,
      recall: 0.8,
      precision: 0.8,
      delay: { n: 4, median: 2, p90: 7, max: 7 }, // 2 (1), 2 (2: cleared still counts), 7 (3), 1 (8); not 4
      earlyOnly: 1, // 4
    });
  });

  it('scores the red band from the band now and the first red day on or after onset', () => {
    expect(result.overall.red).toEqual({
      atRisk: 5,
      flagged: 3,
      hits: 2,
      recall: 0.4,
      precision: 2 / 3,
      delay: { n: 3, median: 2, p90: 3, max: 3 },
      earlyOnly: 0,
    });
  });

  it('gives recall per at-risk kind and false alarms and transient alarms per healthy kind', () => {
    const { perKind } = result;
    expect(perKind['went-silent'].any).toMatchObject({ n: 2, detected: 2, rate: 1, delay: { n: 2, median: 1.5, max: 2 } });
    expect(perKind['went-silent'].red).toMatchObject({ n: 2, detected: 1, rate: 0.5, delay: { n: 2, median: 1.5 } });
    expect(perKind['collapsed'].any).toMatchObject({ detected: 0, rate: 0, delay: { n: 1, median: 2 } });
    expect(perKind['seats-unused'].any).toMatchObject({ detected: 1, rate: 1, earlyOnly: 1, delay: { n: 0, median: null } });
    expect(perKind['healthy']).toMatchObject({ n: 2, atRisk: false, transient: 0.5, any: { detected: 1, rate: 0.5 }, red: { detected: 0, rate: 0 } });
    expect(perKind['slow-starter']).toMatchObject({ transient: 1, any: { rate: 0 }, red: { rate: 1 } });
    expect(perKind['went-silent'].transient).toBeUndefined();
  });

  it('gives each flag kind held now the share of its holders at risk', () => {
    expect(result.perFlagKind).toEqual({
      'low-seat-activation': { holders: 1, atRisk: 1, precision: 1 },
      'milestone-overdue': { holders: 1, atRisk: 0, precision: 0 },
      'no-activity': { holders: 1, atRisk: 1, precision: 1 },
      'usage-drop': { holders: 3, atRisk: 2, precision: 2 / 3 },
    });
  });

  it('passes or fails each target', () => {
    expect(result.targets.map((t) => [t.name, t.pass])).toEqual([
      ['any flag recall', false],
      ['any flag precision', false],
      ['any flag median delay', true],
      ['red band recall', false],
      ['red band precision', false],
      ['red band median delay', true],
    ]);
    expect(result.pass).toBe(false);
  });

  it('passes everything on a population flagged right away and nothing else', () => {
    const perfect = scoreInsight([
      account('went-silent', true, 10, 30, { flags: [flag('usage-drop', 11)], band: 'red', red: range(12, 30) }),
      account('never-started', true, 0, 20, { flags: [flag('no-activity', 3)], band: 'red', red: range(3, 20) }),
      account('healthy', false, undefined, 50),
    ]);
    expect(perfect.targets.every((t) => t.pass)).toBe(true);
    expect(perfect.overall.any).toMatchObject({ recall: 1, precision: 1, delay: { median: 2 } });
    expect(perfect.overall.red).toMatchObject({ recall: 1, precision: 1, delay: { median: 2.5 } });
  });

  it('leaves precision undefined (null) when nothing is flagged, and fails it', () => {
    const quiet = scoreInsight([account('collapsed', true, 30, 50), account('healthy', false, undefined, 50)]);
    expect(quiet.overall.any).toMatchObject({ recall: 0, precision: null, flagged: 0 });
    expect(quiet.targets.find((t) => t.name === 'any flag precision').pass).toBe(false);
  });
});

// Scores the collector's early warnings against the population's labels (bench/insight.mjs):
// recall, precision, false alarms and detection delay, for "any flag open" and for "band red".
// Pure: no I/O, no clock.
import { localDateNumber } from './zone-date.mjs';

/** The targets a run passes or fails, for any flag and for red alike. */
export const insightTargets = { recall: 0.95, precision: 0.9, medianDelay: 3 };

/** The account day of an ISO moment: calendar days since the account's start, in its time zone. */
export function accountDayOf(iso, startAt, timeZone) {
  return localDateNumber(Date.parse(iso), timeZone) - localDateNumber(startAt, timeZone);
}

/** Median (mean of the middle two), p90 (nearest rank) and max of `xs`; nulls when empty. */
export function delayStats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, median: null, p90: null, max: null };
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { n: s.length, median, p90: s[Math.ceil(0.9 * s.length) - 1], max: s[s.length - 1] };
}

const ratio = (a, b) => (b === 0 ? null : a / b);

/**
 * What one account's answer says, for each detector: detected now, and the delay from onset to the
 * first detection on or after it (or `earlyOnly`: detected now only by flags raised before onset).
 */
function judgeAccount({ label, answer }) {
  const { startAt, timeZone } = answer;
  const flags = answer.flags ?? [];
  const all = [...flags, ...(answer.clearedFlags ?? [])].map((f) => ({ ...f, day: accountDayOf(f.since, startAt, timeZone) }));
  const age = label.age ?? Math.max(0, ...(answer.history ?? []).map((h) => h.day));
  const any = { now: flags.length > 0, delay: undefined, earlyOnly: false, recent: all.some((f) => f.day >= age - 30) };
  const red = { now: answer.band === 'red', delay: undefined, earlyOnly: false };
  if (label.atRisk) {
    const after = all.filter((f) => f.day >= label.onset).map((f) => f.day - label.onset);
    if (after.length > 0) any.delay = Math.min(...after);
    else any.earlyOnly = any.now;
    const firstRed = (answer.history ?? []).filter((h) => h.band === 'red' && h.day >= label.onset).map((h) => h.day)[0];
    if (firstRed !== undefined) red.delay = firstRed - label.onset;
  }
  return { any, red, kindsNow: [...new Set(flags.map((f) => f.kind))] };
}

/** Recall or false-alarm rate, delays and early-only detections of one detector over `judged`. */
function detector(judged, which) {
  const of = judged.map((j) => j[which]);
  const detected = of.filter((d) => d.now).length;
  return {
    n: of.length,
    detected,
    rate: ratio(detected, of.length),
    delay: delayStats(of.filter((d) => d.delay !== undefined).map((d) => d.delay)),
    earlyOnly: of.filter((d) => d.earlyOnly).length,
  };
}

/** Overall recall and precision of one detector, with its delays over every at-risk account. */
function overall(judged, which) {
  const risky = judged.filter((j) => j.atRisk);
  const flagged = judged.filter((j) => j[which].now);
  const hits = flagged.filter((j) => j.atRisk).length;
  const d = detector(risky, which);
  return {
    atRisk: risky.length,
    flagged: flagged.length,
    hits,
    recall: ratio(hits, risky.length),
    precision: ratio(hits, flagged.length),
    delay: d.delay,
    earlyOnly: d.earlyOnly,
  };
}

const passes = (value, target, higherIsBetter) => value !== null && (higherIsBetter ? value >= target : value <= target);

/**
 * Scores `accounts` ([{ label: { kind, atRisk, onset, age }, answer: { flags, clearedFlags, band,
 * history, startAt, timeZone } }]): per kind (recall for at-risk kinds, false-alarm rate for the
 * others, plus their transient-alarm rate: any flag raised in their last 30 days), overall recall,
 * precision and delay, per flag kind precision, and the targets with pass or fail.
 */
export function scoreInsight(accounts) {
  const judged = accounts.map((a) => ({ kind: a.label.kind, atRisk: a.label.atRisk, ...judgeAccount(a) }));
  const kinds = [...new Set(judged.map((j) => j.kind))];
  const perKind = Object.fromEntries(
    kinds.map((kind) => {
      const of = judged.filter((j) => j.kind === kind);
      const atRisk = of[0].atRisk;
      const transient = atRisk ? {} : { transient: ratio(of.filter((j) => j.any.recent).length, of.length) };
      return [kind, { n: of.length, atRisk, any: detector(of, 'any'), red: detector(of, 'red'), ...transient }];
    }),
  );
  const flagKinds = [...new Set(judged.flatMap((j) => j.kindsNow))].sort();
  const perFlagKind = Object.fromEntries(
    flagKinds.map((fk) => {
      const holders = judged.filter((j) => j.kindsNow.includes(fk));
      const hits = holders.filter((j) => j.atRisk).length;
      return [fk, { holders: holders.length, atRisk: hits, precision: ratio(hits, holders.length) }];
    }),
  );
  const any = overall(judged, 'any');
  const red = overall(judged, 'red');
  const targets = [];
  for (const [name, o] of [
    ['any flag', any],
    ['red band', red],
  ]) {
    targets.push({ name: `${name} recall`, value: o.recall, target: `≥ ${insightTargets.recall}`, pass: passes(o.recall, insightTargets.recall, true) });
    targets.push({
      name: `${name} precision`,
      value: o.precision,
      target: `≥ ${insightTargets.precision}`,
      pass: passes(o.precision, insightTargets.precision, true),
    });
    targets.push({
      name: `${name} median delay`,
      value: o.delay.median,
      target: `≤ ${insightTargets.medianDelay} days`,
      pass: passes(o.delay.median, insightTargets.medianDelay, false),
    });
  }
  return { accounts: judged.length, perKind, overall: { any, red }, perFlagKind, targets, pass: targets.every((t) => t.pass) };
}

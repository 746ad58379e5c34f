import { componentReason } from './component-reason.js';
import type { DailyActiveUsers } from './daily-active-users.js';
import { riskFlagKinds, type FlagFacts, type FlagKind } from './flag.js';
import { flagReason } from './flag-reason.js';
import { defaultFlagRules, type FlagRules } from './flag-rules.js';
import { healthBand, type HealthBand } from './health-band.js';
import { defaultHealthBands, type HealthBands } from './health-bands.js';
import { healthComponents } from './health-components.js';
import { healthScore, type HealthComponents, type HealthPart } from './health-score.js';
import { defaultHealthWeights, type HealthComponent, type HealthWeights } from './health-weights.js';
import { milestoneStatus, type MilestoneStatus } from './milestone-status.js';
import { dropCheck, dropHolds, quietCheck } from './warning-checks.js';

/** A milestone as the timeline needs it. */
export interface TimelineMilestone {
  key: string;
  targetDay: number;
  /** The account day it was reached; undefined when not (yet). */
  reachedDay: number | undefined;
}

/** Everything an account's timeline is computed from: its daily series, nothing else. */
export interface AccountSeries {
  /** The account day now (it may still be under way). */
  today: number;
  /** Who was active on each account day. */
  daily: DailyActiveUsers;
  /** Licensed seats (a positive number), undefined when unknown. */
  seats: number | undefined;
  /** The account day each core feature was first used (one entry per feature used). */
  featureDays: readonly number[];
  /** How many core features there are. */
  coreFeatures: number;
  /** The first account day anyone used a core feature; undefined when nobody has. */
  firstCoreUseDay: number | undefined;
  milestones: readonly TimelineMilestone[];
  /** Milestone names by key, for the reasons. */
  milestoneNames?: ReadonlyMap<string, string>;
}

/** Weights, bands and thresholds; each defaults to core's. */
export interface AccountTimelineOptions {
  weights?: HealthWeights;
  bands?: HealthBands;
  rules?: FlagRules;
  /** Days before this one are walked for the flags but not returned (default 0). */
  fromDay?: number;
}

/** A flag holding on one day. */
export interface DayFlag {
  key: string;
  kind: FlagKind;
  milestone?: string;
  facts: FlagFacts;
}

/** One account day as of its end (or as of now, for today). */
export interface TimelineDay {
  day: number;
  components: HealthComponents;
  /** The components as they counted (see `healthScore`). */
  parts: HealthPart[];
  /** 0–100; at most the red band's top while a risk flag holds. Undefined with no component. */
  score: number | undefined;
  band: HealthBand | undefined;
  /** What cost the most: the risk flag that held the score down, else the component with the largest shortfall. */
  driver: FlagKind | HealthComponent | undefined;
  /** The driver in words ("no one active for 12 days"). */
  reason: string | undefined;
  flags: DayFlag[];
}

/** One stretch of days a flag held: from `fromDay` until the day before `toDay` (undefined: it still holds). */
export interface FlagSpan {
  key: string;
  kind: FlagKind;
  milestone?: string;
  fromDay: number;
  toDay: number | undefined;
  /** The facts on the last day it held. */
  facts: FlagFacts;
}

/** Health and flags of every account day, and the stretches each flag held. */
export interface AccountTimeline {
  days: TimelineDay[];
  spans: FlagSpan[];
}

function fellEachDay(scores: ReadonlyMap<number, number | undefined>, lastDay: number, days: number): boolean {
  for (let d = lastDay - days + 1; d <= lastDay; d++) {
    const today = scores.get(d);
    const before = scores.get(d - 1);
    if (today === undefined || before === undefined || !(today < before)) return false;
  }
  return true;
}

/**
 * Evaluates an account as of every account day from 0 to `today`: the health components and score,
 * and the early-warning flags (docs/metrics.md). A day's flags are judged on the whole days before
 * it; activity on the day itself only clears `no-activity` and `went-quiet` (someone is back). So
 * the same events give the same days and the same spans whether they arrived live, late or as one
 * backfill. While a risk flag holds (`riskFlagKinds`), the score is at most `bands.red` and that
 * flag is the driver, and health-falling is not raised (the risk flag already says why).
 */
export function accountTimeline(input: AccountSeries, options: AccountTimelineOptions = {}): AccountTimeline {
  const rules = options.rules ?? defaultFlagRules;
  const weights = options.weights ?? defaultHealthWeights;
  const bands = options.bands ?? defaultHealthBands;
  const { today, daily } = input;
  const fromDay = Math.max(0, Math.min(today, options.fromDay ?? 0));
  const active: number[] = [];
  for (let d = 0; d <= today; d++) active.push(daily.get(d)?.size ?? 0);
  const firstScored = Math.max(0, fromDay - rules.healthFallingDays - 1);

  // Distinct users over the 28 whole days before the current one: user → active days in that window.
  const window = new Map<string, number>();
  const shift = (d: number, by: 1 | -1) => {
    for (const u of daily.get(d) ?? []) {
      const n = (window.get(u) ?? 0) + by;
      if (n === 0) window.delete(u);
      else window.set(u, n);
    }
  };

  const days: TimelineDay[] = [];
  const spans: FlagSpan[] = [];
  const open = new Map<string, FlagSpan>();
  const scores = new Map<number, number | undefined>();
  let lastActive: number | undefined;
  let drop: { usualWeek: number } | undefined;
  let dropEnded = 0;
  for (let d = 0; d <= today; d++) {
    if (d > 0) shift(d - 1, 1);
    if (d > 28) shift(d - 29, -1);
    const activeToday = active[d]! > 0;
    const flags: DayFlag[] = [];

    // Never started: nobody has used a core feature yet (looking around does not count).
    if (d >= rules.noActivityDays && !(input.firstCoreUseDay !== undefined && input.firstCoreUseDay <= d)) {
      flags.push({ key: 'no-activity', kind: 'no-activity', facts: { days: d } });
    }
    if (lastActive !== undefined && !activeToday) {
      const quiet = quietCheck(active, d, lastActive, rules);
      if (quiet) flags.push({ key: 'went-quiet', kind: 'went-quiet', facts: quiet });
    }
    if (drop) {
      const held = dropHolds(active, d, drop.usualWeek, rules);
      if (held) flags.push({ key: 'usage-drop', kind: 'usage-drop', facts: held });
      else {
        drop = undefined;
        dropEnded = d;
      }
    }
    if (!drop && lastActive !== undefined) {
      const found = dropCheck(active, d, rules, dropEnded);
      if (found) {
        drop = { usualWeek: found.usualWeek };
        flags.push({ key: 'usage-drop', kind: 'usage-drop', facts: found.facts });
      }
    }
    if (input.seats !== undefined && d >= rules.seatsDay && window.size < rules.seatsActiveMin * input.seats) {
      flags.push({ key: 'few-seats-active', kind: 'few-seats-active', facts: { activeSeats: window.size, seats: input.seats } });
    }
    const statuses: MilestoneStatus[] = input.milestones.map((m) => {
      const reachedDay = m.reachedDay !== undefined && m.reachedDay <= d ? m.reachedDay : undefined;
      const status = milestoneStatus({ targetDay: m.targetDay, reachedDay, currentDay: d });
      if (status === 'overdue') {
        flags.push({
          key: `milestone-overdue:${m.key}`,
          kind: 'milestone-overdue',
          milestone: m.key,
          facts: { targetDay: m.targetDay, overdueDays: d - m.targetDay },
        });
      }
      return status;
    });

    if (d >= firstScored) {
      const components = healthComponents({
        daily,
        activeByDay: active,
        day: d,
        seats: input.seats,
        breadth: input.coreFeatures === 0 ? undefined : input.featureDays.filter((x) => x <= d).length / input.coreFeatures,
        milestones: statuses,
      });
      const health = healthScore(components, weights, bands);
      const risk = flags.find((f) => riskFlagKinds.includes(f.kind));
      let score = health.score;
      let driver: TimelineDay['driver'] = health.driver;
      // Activity has a usual level to compare with from day 14 (see usageAgainstBaseline).
      let reason =
        health.driver === undefined ? undefined : componentReason(health.driver, health.parts.find((p) => p.component === health.driver)!.value, d >= 14);
      if (risk && score !== undefined) {
        score = Math.min(score, bands.red);
        driver = risk.kind;
        reason = flagReason(risk, input.milestoneNames);
      }
      scores.set(d, score);
      // Judged on the whole days before this one, like the other flags; not while a risk flag says why.
      if (!risk && fellEachDay(scores, d - 1, rules.healthFallingDays))
        flags.push({ key: 'health-falling', kind: 'health-falling', facts: { days: rules.healthFallingDays } });
      if (d >= fromDay)
        days.push({ day: d, components, parts: health.parts, score, band: score === undefined ? undefined : healthBand(score, bands), driver, reason, flags });
    }

    const holding = new Set(flags.map((f) => f.key));
    for (const [key, span] of open) {
      if (!holding.has(key)) {
        span.toDay = d;
        open.delete(key);
      }
    }
    for (const f of flags) {
      const span = open.get(f.key);
      if (span) span.facts = f.facts;
      else {
        const started: FlagSpan = {
          key: f.key,
          kind: f.kind,
          ...(f.milestone === undefined ? {} : { milestone: f.milestone }),
          fromDay: d,
          toDay: undefined,
          facts: f.facts,
        };
        open.set(f.key, started);
        spans.push(started);
      }
    }
    if (activeToday) lastActive = d;
  }
  return { days, spans };
}

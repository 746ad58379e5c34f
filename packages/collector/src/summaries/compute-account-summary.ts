import {
  activeUsers,
  breadth,
  checklistCompletion,
  defaultFlagRules,
  defaultHealthBands,
  defaultHealthWeights,
  depth,
  evaluateFlags,
  featureEventKeys,
  healthChange,
  healthComponents,
  healthScore,
  localDay,
  localDayStart,
  milestoneAttainment,
  milestoneStatus,
  nudgeEffectiveness,
  onboardingPhase,
  seatActivation,
  timeToFirstValue,
  type FlagEvaluation,
  type HealthComponents,
  type HealthScore,
  type MilestoneStatus,
  type WaymarkConfig,
} from '@waymark/core';
import type { AccountInputs } from './account-inputs.js';
import { accountProfile, type AccountProfile } from './account-profile.js';
import { dateToDayNumber, dayNumberToDate } from './day-number.js';

/** One day of health history. */
export interface HealthDay {
  day: number;
  date: string;
  score: number | undefined;
  band: string | undefined;
  components: HealthComponents;
}

/** A config milestone as it stands for the account. */
export interface AccountMilestone {
  key: string;
  name: string;
  targetDay: number;
  reachedAt: number | undefined;
  reachedDay: number | undefined;
  status: MilestoneStatus;
}

/** The computed summary of one account at `now`. */
export interface AccountSummary {
  profile: AccountProfile;
  day: number;
  phase: string;
  health: HealthScore;
  change7d: number | undefined;
  history: HealthDay[];
  milestones: AccountMilestone[];
  flags: FlagEvaluation;
  metrics: Record<string, unknown>;
  /** Per-day series over the window shown: from `fromDay` to today. */
  series: { fromDay: number; activeUsers: number[]; seatActivation: Array<number | null> };
  nextGoal: { key: string; targetDay: number; due: string } | undefined;
  /** When the account's next calendar day starts (ms): the summary is due again then. */
  nextDayAt: number;
}

const hourMs = 3_600_000;
// History is recomputed for the last days only; older rows stay as they were written.
const historyDays = 120;

const nullable = (v: number | undefined) => (v === undefined ? null : v);

/** Nudge effectiveness (metrics.md) over all the account's shown nudges, and per nudge key. */
function nudgeMetrics(shows: AccountInputs['nudges']) {
  const of = (list: AccountInputs['nudges']) => {
    const e = nudgeEffectiveness(list);
    return { shown: e.shown, converted: e.converted, rate: nullable(e.rate) };
  };
  const keys = [...new Set(shows.map((s) => s.nudge))].sort();
  return { ...of(shows), byNudge: Object.fromEntries(keys.map((k) => [k, of(shows.filter((s) => s.nudge === k))])) };
}

/** The first quarter-hour after `now` that falls on a later calendar day in the account's zone. */
function nextDayStart(now: number, today: number, timeZone: string | undefined): number {
  let t = Math.floor(now / (hourMs / 4)) * (hourMs / 4);
  for (let i = 0; i < 26 * 4; i++) {
    t += hourMs / 4;
    if (localDay(t, timeZone) > today) return t;
  }
  return now + 24 * hourMs;
}

/**
 * Computes an account's analytics at `now` with core's formulas (docs/metrics.md). Core features
 * and core events are the config's `basic` features (with no basic features, any event counts as
 * core for seat activation). Daily activity comes from the UTC-dated rollup: a UTC date counts as
 * the account day of that date. The health history is recomputed for the last 120 days, each day
 * from what was known by its end (first uses and milestones dated on or before it).
 */
export function computeAccountSummary(
  inputs: AccountInputs,
  config: Pick<WaymarkConfig, 'features' | 'milestones' | 'checklists' | 'health'> | undefined,
  now: number,
): AccountSummary {
  // The config's health section, field by field over core's defaults.
  const weights = { ...defaultHealthWeights, ...config?.health?.weights };
  const bands = { ...defaultHealthBands, ...config?.health?.bands };
  const rules = { ...defaultFlagRules, ...config?.health?.flags };
  const profile = accountProfile(inputs.accountId, inputs.traits, inputs.firstSeen);
  const zone = profile.timeZone;
  const startDay = localDay(profile.startAt, zone);
  const today = Math.max(0, localDay(now, zone) - startDay);
  const dayOf = (ms: number) => Math.max(0, localDay(ms, zone) - startDay);

  const daily = new Map<number, Set<string>>();
  for (const r of inputs.daily) {
    const d = Math.max(0, dateToDayNumber(r.date) - startDay);
    if (d > today) continue;
    let users = daily.get(d);
    if (!users) daily.set(d, (users = new Set()));
    users.add(r.actor);
  }

  const basic = (config?.features ?? []).filter((f) => f.tier === 'basic');
  const coreFeatures = basic.map((f) => f.key);
  const featuresOfKey = new Map<string, string[]>();
  for (const f of basic) for (const k of featureEventKeys(f)) featuresOfKey.set(k, [...(featuresOfKey.get(k) ?? []), f.key]);
  const activatedDay = new Map<string, number>();
  const featureDay = new Map<string, number>();
  for (const u of inputs.usage) {
    const features = featuresOfKey.get(u.eventKey);
    if (basic.length > 0 && !features) continue;
    const d = dayOf(u.firstSeen);
    activatedDay.set(u.actor, Math.min(d, activatedDay.get(u.actor) ?? d));
    for (const f of features ?? []) featureDay.set(f, Math.min(d, featureDay.get(f) ?? d));
  }
  const activatedBy = (d: number) => [...activatedDay.values()].filter((x) => x <= d).length;
  const featuresBy = (d: number) => [...featureDay].filter(([, x]) => x <= d).map(([k]) => k);

  const configMilestones = [...(config?.milestones ?? [])];
  const reachedDays = new Map<string, number>();
  for (const m of configMilestones) {
    const at = inputs.milestonesReached.get(m.key);
    if (at !== undefined) reachedDays.set(m.key, dayOf(at));
  }
  const statusesOn = (d: number) =>
    configMilestones.map((m) => {
      const reached = reachedDays.get(m.key);
      return milestoneStatus({ targetDay: m.targetDay, reachedDay: reached !== undefined && reached <= d ? reached : undefined, currentDay: d });
    });

  const history: HealthDay[] = [];
  for (let d = Math.max(0, today - historyDays + 1); d <= today; d++) {
    const components = healthComponents({
      daily,
      day: d,
      seatActivation: seatActivation(activatedBy(d), profile.seats),
      breadth: breadth(featuresBy(d), coreFeatures),
      milestones: statusesOn(d),
    });
    const score = healthScore(components, weights, bands);
    history.push({ day: d, date: dayNumberToDate(startDay + d), score: score.score, band: score.band, components });
  }
  const todayComponents = history[history.length - 1]!.components;
  const health = healthScore(todayComponents, weights, bands);
  const points = history.map((h) => ({ day: h.day, score: h.score }));

  const seats = seatActivation(activatedBy(today), profile.seats);
  const milestones: AccountMilestone[] = configMilestones.map((m, i) => {
    const reachedAt = inputs.milestonesReached.get(m.key);
    return { key: m.key, name: m.name, targetDay: m.targetDay, reachedAt, reachedDay: reachedDays.get(m.key), status: statusesOn(today)[i]! };
  });
  const activeByDay: number[] = [];
  for (let d = 0; d <= today; d++) activeByDay.push(daily.get(d)?.size ?? 0);
  const flags = evaluateFlags(
    {
      day: today,
      activeUsersByDay: activeByDay,
      seatActivation: seats,
      overdueMilestones: milestones.filter((m) => m.status === 'overdue').map((m) => m.key),
      health: points,
      stuckUsers: inputs.stuckUsers,
      dayStartMs: (d) => localDayStart(startDay + d, zone),
      milestoneTargetDays: new Map(configMilestones.map((m) => [m.key, m.targetDay])),
    },
    inputs.openFlags,
    now,
    rules,
  );

  const checklists: Record<string, unknown> = {};
  for (const c of config?.checklists ?? []) {
    const done = inputs.checklistItems.get(c.key);
    const audience = inputs.checklistAudience?.get(c.key);
    let perUser: number[];
    if (audience) {
      // Only the users in the checklist's audience count (metrics.md), each with their items done.
      perUser = [...audience].map((subject) => done?.get(subject) ?? 0);
    } else {
      // Users of the account with no item done count as 0 of n.
      const counts = [...(done?.values() ?? [])];
      perUser = [...counts, ...new Array<number>(Math.max(0, inputs.users - counts.length)).fill(0)];
    }
    const completion = checklistCompletion(perUser, c.items.length);
    checklists[c.key] = { users: completion.users, completed: completion.completed, rate: nullable(completion.rate), itemRate: nullable(completion.itemRate) };
  }
  const au = activeUsers(daily, today);
  const metrics = {
    dau: au.dau,
    wau: au.wau,
    mau: au.mau,
    stickiness: nullable(au.stickiness),
    activatedUsers: activatedBy(today),
    seatActivation: nullable(seats),
    breadth: nullable(breadth(featuresBy(today), coreFeatures)),
    featuresUsed: featuresBy(today).sort(),
    depth: nullable(depth(daily, today)),
    timeToFirstValue: nullable(timeToFirstValue(configMilestones, reachedDays)),
    attainment: milestoneAttainment(configMilestones.map((m) => m.key), reachedDays, today).map((a) => ({ ...a, share: nullable(a.share) })),
    checklists,
    nudgeEffectiveness: nudgeMetrics(inputs.nudges),
    stuckUsers: inputs.stuckUsers,
  };

  const fromDay = Math.max(0, today - 90);
  const series = { fromDay, activeUsers: [] as number[], seatActivation: [] as Array<number | null> };
  for (let d = fromDay; d <= today; d++) {
    series.activeUsers.push(daily.get(d)?.size ?? 0);
    series.seatActivation.push(nullable(seatActivation(activatedBy(d), profile.seats)));
  }

  const upcoming = milestones.filter((m) => m.status === 'not-yet-due').sort((a, b) => a.targetDay - b.targetDay)[0];
  return {
    profile,
    day: today,
    phase: onboardingPhase(today),
    health,
    change7d: healthChange(points),
    history,
    milestones,
    flags,
    metrics,
    series,
    nextGoal: upcoming && { key: upcoming.key, targetDay: upcoming.targetDay, due: dayNumberToDate(startDay + upcoming.targetDay) },
    nextDayAt: nextDayStart(now, localDay(now, zone), zone),
  };
}

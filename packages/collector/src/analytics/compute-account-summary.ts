import {
  accountTimeline,
  activeUsers,
  breadth,
  checklistCompletion,
  defaultFlagRules,
  defaultHealthBands,
  defaultHealthWeights,
  depth,
  firstUseDays,
  flagReason,
  healthChange,
  lifecycleStage,
  localDay,
  localDayStart,
  milestoneAttainment,
  milestoneStatus,
  nudgeEffectiveness,
  onboardingPhase,
  recentSeats,
  riskFlagKinds,
  seatActivation,
  seatCount,
  timeInProduct,
  timeToFirstValue,
  usageAgainstBaseline,
  type Flag,
  type FlagSpan,
  type HealthComponents,
  type HealthPart,
  type LifecycleStage,
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

/** A flag with its reason, as stored and served. */
export type ReasonedFlag = Flag & { reason: string };

/** One stretch a flag held, dated: `clearedAt` is when the day it stopped holding began (undefined: it holds). */
export type FlagHistoryEntry = ReasonedFlag & { clearedAt: number | undefined };

/** The flags now, every stretch they held, and what changed against the flags stored before. */
export interface SummaryFlags {
  /** The flags holding now. */
  flags: ReasonedFlag[];
  /** Every stretch of every flag computed from the daily series, oldest first (users-stuck, which has no series, is not in it). */
  history: FlagHistoryEntry[];
  /** Open now and not open before (webhook: flag.raised). */
  raised: ReasonedFlag[];
  /** Open before and not now (webhook: flag.cleared). */
  cleared: Flag[];
}

/** Today's health: the timeline's day with its reason. */
export interface SummaryHealth {
  score: number | undefined;
  band: string | undefined;
  driver: string | undefined;
  reason: string | undefined;
  parts: HealthPart[];
}

/** The computed summary of one account at `now`. */
export interface AccountSummary {
  profile: AccountProfile;
  day: number;
  phase: string;
  stage: LifecycleStage;
  health: SummaryHealth;
  change7d: number | undefined;
  history: HealthDay[];
  milestones: AccountMilestone[];
  flags: SummaryFlags;
  metrics: Record<string, unknown>;
  /** Per-day series over the window shown: from `fromDay` to today. */
  series: {
    fromDay: number;
    activeUsers: number[];
    seatActivation: Array<number | null>;
    /** Share of the seats active in the 28 days up to each day. */
    seatsActive28: Array<number | null>;
    /** Use over the 7 whole days before each day against the account's usual level (capped at 1). */
    usageVsBaseline: Array<number | null>;
    /** Minutes in product per day (the last 28 days; null before). */
    minutes: Array<number | null>;
  };
  nextGoal: { key: string; targetDay: number; due: string } | undefined;
  /** When the account's next calendar day starts (ms): the summary is due again then. */
  nextDayAt: number;
}

const hourMs = 3_600_000;
// History is recomputed for the last days only; older rows stay as they were written.
const historyDays = 120;
/** How many days of time in product the summary reads. */
export const timeInProductDays = 28;

const nullable = (v: number | undefined) => (v === undefined ? null : v);
const round = (v: number, places = 3) => Math.round(v * 10 ** places) / 10 ** places;

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

/** Time in product per account day: for each user and day, `timeInProduct` of their events that day (minutes). */
function minutesByDay(events: AccountInputs['events'], dayOf: (ms: number) => number): Map<number, { total: number; users: number }> {
  const byUserDay = new Map<string, number[]>();
  for (const e of events) {
    const key = `${dayOf(e.ts)}\u0000${e.actor}`;
    const list = byUserDay.get(key);
    if (list) list.push(e.ts);
    else byUserDay.set(key, [e.ts]);
  }
  const days = new Map<number, { total: number; users: number }>();
  for (const [key, stamps] of byUserDay) {
    const d = Number(key.slice(0, key.indexOf('\u0000')));
    const entry = days.get(d) ?? { total: 0, users: 0 };
    entry.total += timeInProduct(stamps) / 60_000;
    entry.users++;
    days.set(d, entry);
  }
  return days;
}

/**
 * Computes an account's analytics at `now` with core's formulas (docs/metrics.md). Core features
 * and core events are the config's `basic` features (with no basic features, any event counts as
 * core for seat activation). Daily activity comes from the UTC-dated rollup: a UTC date counts as
 * the account day of that date. Health and flags come from core's `accountTimeline` over the daily
 * series, so they are the same whenever the events arrived; the health history is returned for
 * the last 120 days. `users-stuck` has no daily series: it holds while users are stuck now.
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
  const dayStart = (d: number) => localDayStart(startDay + d, zone);

  const daily = new Map<number, Set<string>>();
  for (const r of inputs.daily) {
    const d = Math.max(0, dateToDayNumber(r.date) - startDay);
    if (d > today) continue;
    const users = daily.get(d) ?? new Set<string>();
    users.add(r.actor);
    daily.set(d, users);
  }

  const coreFeatures = (config?.features ?? []).filter((f) => f.tier === 'basic').map((f) => f.key);
  const { activated: activatedDay, features: featureDay } = firstUseDays(
    config?.features ?? [],
    inputs.usage.map((u) => ({ actor: u.actor, eventKey: u.eventKey, day: dayOf(u.firstSeen) })),
  );
  const activatedBy = (d: number) => [...activatedDay.values()].filter((x) => x <= d).length;
  const featuresBy = (d: number) => [...featureDay].filter(([, x]) => x <= d).map(([k]) => k);

  const configMilestones = [...(config?.milestones ?? [])];
  const names = new Map(configMilestones.map((m) => [m.key, m.name]));
  const reachedDays = new Map<string, number>();
  for (const m of configMilestones) {
    const at = inputs.milestonesReached.get(m.key);
    if (at !== undefined) reachedDays.set(m.key, dayOf(at));
  }

  const seats = seatCount(profile.seats);
  const timeline = accountTimeline(
    {
      today,
      daily,
      seats,
      featureDays: [...featureDay.values()],
      coreFeatures: coreFeatures.length,
      firstCoreUseDay: activatedDay.size === 0 ? undefined : Math.min(...activatedDay.values()),
      milestones: configMilestones.map((m) => ({ key: m.key, targetDay: m.targetDay, reachedDay: reachedDays.get(m.key) })),
      milestoneNames: names,
    },
    { weights, bands, rules, fromDay: today - historyDays + 1 },
  );
  const history: HealthDay[] = timeline.days.map((t) => ({
    day: t.day,
    date: dayNumberToDate(startDay + t.day),
    score: t.score,
    band: t.band,
    components: t.components,
  }));
  const now_ = timeline.days[timeline.days.length - 1]!;
  const points = history.map((h) => ({ day: h.day, score: h.score }));

  const flags = summaryFlags(timeline.spans, inputs, names, dayStart, now);
  const statuses = new Map(
    configMilestones.map((m) => [m.key, milestoneStatus({ targetDay: m.targetDay, reachedDay: reachedDays.get(m.key), currentDay: today })]),
  );
  const milestones: AccountMilestone[] = configMilestones.map((m) => ({
    key: m.key,
    name: m.name,
    targetDay: m.targetDay,
    reachedAt: inputs.milestonesReached.get(m.key),
    reachedDay: reachedDays.get(m.key),
    status: statuses.get(m.key)!,
  }));
  const firstValue = configMilestones.find((m) => m.firstValue) ?? configMilestones[0];
  const stage = lifecycleStage({
    day: today,
    atRisk: now_.band === 'red' || flags.flags.some((f) => riskFlagKinds.includes(f.kind)),
    milestones: configMilestones.length,
    reached: reachedDays.size,
    firstValue: firstValue ? reachedDays.has(firstValue.key) : activatedDay.size > 0,
  });

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
  const recent = recentSeats(daily, today, seats);
  const activeByDay = Array.from({ length: today + 1 }, (_, d) => daily.get(d)?.size ?? 0);
  const minutes = minutesByDay(inputs.events, dayOf);
  const minutesFrom = Math.max(0, today - timeInProductDays + 1);
  let minutesTotal = 0;
  let userDays = 0;
  for (const [d, m] of minutes) {
    if (d < minutesFrom) continue;
    minutesTotal += m.total;
    userDays += m.users;
  }
  const metrics = {
    dau: au.dau,
    wau: au.wau,
    mau: au.mau,
    stickiness: nullable(au.stickiness),
    activatedUsers: activatedBy(today),
    seatActivation: nullable(seatActivation(activatedBy(today), profile.seats)),
    seatsActive7: recent.active7,
    seatsActive28: recent.active28,
    seatShare7: nullable(recent.share7),
    seatShare28: nullable(recent.share28),
    usageVsBaseline: nullable(usageAgainstBaseline(activeByDay, today)),
    timeInProduct: {
      days: today - minutesFrom + 1,
      minutesPerDay: round(minutesTotal / (today - minutesFrom + 1), 1),
      minutesPerUserDay: userDays === 0 ? null : round(minutesTotal / userDays, 1),
    },
    breadth: nullable(breadth(featuresBy(today), coreFeatures)),
    featuresUsed: featuresBy(today).sort(),
    depth: nullable(depth(daily, today)),
    timeToFirstValue: nullable(timeToFirstValue(configMilestones, reachedDays)),
    attainment: milestoneAttainment(
      configMilestones.map((m) => m.key),
      reachedDays,
      today,
    ).map((a) => ({ ...a, share: nullable(a.share) })),
    checklists,
    nudgeEffectiveness: nudgeMetrics(inputs.nudges),
    stuckUsers: inputs.stuckUsers,
  };

  const fromDay = Math.max(0, today - 90);
  const series: AccountSummary['series'] = { fromDay, activeUsers: [], seatActivation: [], seatsActive28: [], usageVsBaseline: [], minutes: [] };
  for (let d = fromDay; d <= today; d++) {
    series.activeUsers.push(activeByDay[d]!);
    series.seatActivation.push(nullable(seatActivation(activatedBy(d), profile.seats)));
    const share = recentSeats(daily, d, seats).share28;
    series.seatsActive28.push(share === undefined ? null : round(share));
    const usage = usageAgainstBaseline(activeByDay, d);
    series.usageVsBaseline.push(usage === undefined ? null : round(usage));
    series.minutes.push(d < minutesFrom ? null : round(minutes.get(d)?.total ?? 0, 1));
  }

  const upcoming = milestones.filter((m) => m.status === 'not-yet-due').sort((a, b) => a.targetDay - b.targetDay)[0];
  return {
    profile,
    day: today,
    phase: onboardingPhase(today),
    stage,
    health: { score: now_.score, band: now_.band, driver: now_.driver, reason: now_.reason, parts: now_.parts },
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

/**
 * The flags of a summary: every stretch the timeline found, dated at the start of its account days;
 * users-stuck while users are stuck now (keeping the since it was stored with); and what was raised
 * or cleared against the flags stored open before, by key, so a re-run raises nothing twice and a
 * flag whose start moved (late events) is not raised again.
 */
function summaryFlags(
  spans: readonly FlagSpan[],
  inputs: Pick<AccountInputs, 'openFlags' | 'stuckUsers'>,
  names: ReadonlyMap<string, string>,
  dayStart: (day: number) => number,
  now: number,
): SummaryFlags {
  const history: FlagHistoryEntry[] = spans.map((s) => {
    const flag: Flag = {
      key: s.key,
      kind: s.kind,
      since: dayStart(s.fromDay),
      facts: s.facts,
      ...(s.milestone === undefined ? {} : { milestone: s.milestone }),
    };
    return { ...flag, reason: flagReason(flag, names), clearedAt: s.toDay === undefined ? undefined : dayStart(s.toDay) };
  });
  const flags: ReasonedFlag[] = history.filter((h) => h.clearedAt === undefined).map(({ clearedAt: _, ...f }) => f);
  if (inputs.stuckUsers > 0) {
    const kept = inputs.openFlags.find((f) => f.key === 'users-stuck');
    const stuck: Flag = { key: 'users-stuck', kind: 'users-stuck', since: kept?.since ?? now, facts: { users: inputs.stuckUsers } };
    flags.push({ ...stuck, reason: flagReason(stuck) });
  }
  const before = new Set(inputs.openFlags.map((f) => f.key));
  const after = new Set(flags.map((f) => f.key));
  return { flags, history, raised: flags.filter((f) => !before.has(f.key)), cleared: inputs.openFlags.filter((f) => !after.has(f.key)) };
}

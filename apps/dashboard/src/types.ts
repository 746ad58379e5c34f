import type { ChecklistCompletion, FlagFacts, FlagKind, GoalStatus, GuideFunnel, HealthComponent, LifecycleStage, MilestoneStatus } from '@waymark/core';

/** Shapes of the collector's answers the dashboard reads (docs/api.md). */
export interface Me {
  user: { email: string; name: string; role: 'admin' | 'csm' };
  apps: Array<{ appId: string; name: string }>;
}

/** An early-warning flag: open (no `clearedAt`), or one stretch of the flag history. */
export interface Flag {
  key: string;
  kind: FlagKind;
  since: string;
  milestone?: string;
  clearedAt?: string;
  /** Why, in words ("no one active for 12 days"). */
  reason?: string;
  facts?: FlagFacts;
}

/** What the health score's driver is: a risk flag that caps it at red, or the component that costs most. */
export type HealthDriver = HealthComponent | FlagKind;

export interface PortfolioAccount {
  accountId: string;
  name: string;
  day: number;
  phase: string;
  stage: LifecycleStage | null;
  health: number | null;
  band: string | null;
  change7d: number | null;
  trend: Array<number | null>;
  driver: HealthDriver | null;
  /** The driver in words. */
  reason: string | null;
  flags: Flag[];
  owner: string | null;
  segment: string | null;
  seats: number | null;
  seatActivation: number | null;
  nextGoal: { milestone: string; targetDay: number; due: string } | null;
}

export interface PortfolioPage {
  accounts: PortfolioAccount[];
  page: number;
  limit: number;
  total: number;
  pages: number;
}

/** The account's metrics (docs/metrics.md); fields added later may be missing from a summary written before. */
export interface AccountMetrics {
  dau?: number;
  wau?: number;
  mau?: number;
  stickiness?: number | null;
  /** Users who ever used a core feature over the seats (may exceed 1). */
  seatActivation?: number | null;
  /** Distinct users active in the last 7 and 28 days, and their share of the seats (null: seats unknown). */
  seatsActive7?: number;
  seatsActive28?: number;
  seatShare7?: number | null;
  seatShare28?: number | null;
  /** Use over the last 7 days against the account's usual level, 0–1 (null before day 14). */
  usageVsBaseline?: number | null;
  timeInProduct?: { days: number; minutesPerDay: number; minutesPerUserDay: number | null };
  breadth?: number | null;
}

/** Per-day series from account day `fromDay`, one value per day. */
export interface AccountSeries {
  fromDay: number;
  activeUsers: number[];
  seatActivation: Array<number | null>;
  /** Share of the seats active in the 28 days up to each day. */
  seatsActive28?: Array<number | null>;
  /** Use against the usual level, 0–1 (null before day 14). */
  usageVsBaseline?: Array<number | null>;
  /** Minutes in product (null before the last 28 days). */
  minutes?: Array<number | null>;
}

export interface AccountDetail {
  account: { accountId: string; name: string; startAt: string; timeZone: string | null; day: number; phase: string; stage: LifecycleStage | null; owner: string | null; segment: string | null; seats: number | null; updatedAt: string };
  health: { score: number | null; band: string | null; change7d: number | null; driver: HealthDriver | null; reason: string | null; components: Array<{ component: HealthComponent; value: number; weight: number; shortfall: number }> };
  metrics: AccountMetrics;
  series: AccountSeries | null;
  milestones: Array<{ key: string; name: string; targetDay: number | null; reachedAt: string | null; reachedDay: number | null; status: MilestoneStatus | string }>;
  nextGoal: { milestone: string; targetDay: number; due: string } | null;
  /** Open flags, most pressing first. */
  flags: Flag[];
  /** Stretches of flags that ended, latest first. */
  clearedFlags: Flag[];
  history: Array<{ day: number; date: string; health: number | null; band: string | null }>;
}

export interface AccountUser {
  userId: string | null;
  anonymousId?: string;
  traits: Record<string, unknown>;
  firstSeen: string;
  lastSeen: string | null;
  checklists: Array<{ key: string; done: number; total: number; complete: boolean }>;
  stuck: Array<{ checklist: string; item: string; reason: string; since: string; markedAt: string }>;
}

export interface Goal {
  milestone: string;
  name?: string;
  dueDay: number;
  owner?: string | null;
  note?: string | null;
  status?: GoalStatus | string;
  reachedDay?: number | null;
  daysLeft?: number | null;
}

export interface Plan {
  accountId: string;
  source: 'account' | 'default';
  segment: string | null;
  day: number;
  goals: Goal[];
  updatedBy: string | null;
  updatedAt: string | null;
  log: Array<{ goals: Goal[] | null; by: string; at: string }>;
}

export interface OverrideEntry {
  gate: string;
  scope: 'account' | 'user';
  subjectId: string;
  state: 'unlock' | 'lock' | null;
  previous?: 'unlock' | 'lock' | null;
  by: string;
  at: string;
}

export interface GateOverrides {
  gate: string;
  overrides: OverrideEntry[];
  log: OverrideEntry[];
}

/** The parts of the app's config the dashboard names things from. */
export interface ConfigDoc {
  milestones?: Array<{ key: string; name?: string; targetDay?: number }>;
  gates?: Array<{ key: string; name?: string; feature?: string }>;
  features?: Array<{ key: string; name?: string }>;
  guides?: Array<{ key: string; name?: string; title?: string; steps: Array<{ key: string; title?: string }> }>;
  checklists?: Array<{ key: string; title?: string; items: Array<{ key: string; title?: string }> }>;
}

export interface Cohort {
  week: string;
  accounts: number;
  milestones: Record<string, Array<number | null>>;
}

export interface Funnels {
  guides: Array<GuideFunnel & { guide: string; stepKeys: string[] }>;
  checklists: Array<ChecklistCompletion & { checklist: string; items: Array<{ item: string; users: number }> }>;
}

import type { ChecklistCompletion, FlagFacts, FlagKind, GoalStatus, GuideFunnel, HealthComponent, LifecycleStage, MilestoneStatus } from '@waymark/core';

/** Shapes of the collector's answers the dashboard reads (docs/api.md). */
export interface Me {
  user: { email: string; name: string; role: 'admin' | 'csm' };
  apps: Array<{ appId: string; name: string }>;
}

export interface Flag {
  key: string;
  kind: FlagKind | string;
  since: string;
  milestone?: string;
  clearedAt?: string;
  /** Why, in words ("no one active for 12 days"). */
  reason?: string;
  facts?: FlagFacts;
}

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
  driver: HealthComponent | FlagKind | string | null;
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

export interface AccountDetail {
  account: { accountId: string; name: string; startAt: string; timeZone: string | null; day: number; phase: string; stage: LifecycleStage | null; owner: string | null; segment: string | null; seats: number | null; updatedAt: string };
  health: { score: number | null; band: string | null; change7d: number | null; driver: string | null; reason: string | null; components: Array<{ component: string; value: number; weight: number; shortfall: number }> };
  metrics: Record<string, unknown>;
  series: {
    fromDay: number;
    activeUsers: number[];
    seatActivation: Array<number | null>;
    seatsActive28?: Array<number | null>;
    usageVsBaseline?: Array<number | null>;
    minutes?: Array<number | null>;
  } | null;
  milestones: Array<{ key: string; name: string; targetDay: number | null; reachedAt: string | null; reachedDay: number | null; status: MilestoneStatus | string }>;
  nextGoal: { milestone: string; targetDay: number; due: string } | null;
  flags: Flag[];
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

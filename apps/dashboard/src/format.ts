import type { FlagKind, HealthComponent, LifecycleStage } from '@waymark/core';

/** Small formatting helpers for the views. */
export const pct = (v: number | null | undefined, digits = 0): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;

export const num = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : '—');

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export const date = (iso: string | null | undefined): string => (iso ? dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00` : iso)) : '—');
export const dateTime = (iso: string | null | undefined): string => (iso ? dateTimeFormat.format(new Date(iso)) : '—');

/** The flag kinds in words, most pressing first (this order is the portfolio's flag filter). */
export const flagLabels: Readonly<Record<FlagKind, string>> = {
  'no-activity': 'Not started',
  'went-quiet': 'Went quiet',
  'usage-drop': 'Usage down',
  'few-seats-active': 'Few seats active',
  'milestone-overdue': 'Milestone overdue',
  'health-falling': 'Health falling',
  'users-stuck': 'Users stuck',
};

/** The lifecycle stages in words, in the order of the customer journey (the stage filter). */
export const stageLabels: Readonly<Record<LifecycleStage, string>> = {
  onboarding: 'Onboarding',
  adopting: 'Adopting',
  adopted: 'Adopted',
  'at-risk': 'At risk',
  graduated: 'Graduated',
};

/** The health components in words. */
export const componentLabels: Readonly<Record<HealthComponent, string>> = {
  activity: 'Activity',
  seats: 'Seats in use',
  breadth: 'Breadth',
  milestones: 'Milestones',
  depth: 'Depth',
};

/** Human words for every key the views show: flag kinds, stages, components, statuses. */
export const labels: Readonly<Record<string, string>> = {
  ...flagLabels,
  ...stageLabels,
  ...componentLabels,
  'on-time': 'On time',
  late: 'Late',
  overdue: 'Overdue',
  'not-yet-due': 'Not yet due',
  done: 'Done',
  'on-track': 'On track',
};

/** Every flag kind, most pressing first. */
export const flagKinds = Object.keys(flagLabels) as FlagKind[];
/** Every lifecycle stage, in journey order. */
export const stages = Object.keys(stageLabels) as LifecycleStage[];

/** The words for a key (the key itself when there are none; a dash for nothing). */
export const label = (key: string | null | undefined): string => (key ? (labels[key] ?? key) : '—');

/** The words of a flag, naming its milestone (by its name when `names` has it). */
export const flagText = (f: { kind: string; milestone?: string }, names?: ReadonlyMap<string, string>): string =>
  f.milestone ? `${label(f.kind)}: ${names?.get(f.milestone) ?? f.milestone}` : label(f.kind);

/**
 * Why an account needs a look, in one line: when red, what holds its health down (a risk flag's
 * reason when one holds, else the weakest component's); otherwise its most pressing flag's reason.
 */
export const whyFlagged = (a: { flags: ReadonlyArray<{ reason?: string }>; band: string | null; reason: string | null }): string | undefined =>
  a.band === 'red' && a.reason ? a.reason : a.flags[0]?.reason;

/** Whole days from one ISO time to another (a flag's stretch). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A count with its noun ("1 day", "12 days"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

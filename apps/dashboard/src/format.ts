/** Small formatting helpers for the views. */
export const pct = (v: number | null | undefined, digits = 0): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`);

export const num = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : '—');

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export const date = (iso: string | null | undefined): string => (iso ? dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00` : iso)) : '—');
export const dateTime = (iso: string | null | undefined): string => (iso ? dateTimeFormat.format(new Date(iso)) : '—');

/** Human words for flag kinds and health components. */
export const labels: Record<string, string> = {
  'no-activity': 'Not started',
  'went-quiet': 'Went quiet',
  'usage-drop': 'Usage down',
  'few-seats-active': 'Few seats active',
  'milestone-overdue': 'Milestone overdue',
  'health-falling': 'Health falling',
  'users-stuck': 'Users stuck',
  activity: 'Activity',
  seats: 'Seats in use',
  seatActivation: 'Seat activation',
  breadth: 'Breadth',
  milestones: 'Milestones',
  depth: 'Depth',
  'on-time': 'On time',
  late: 'Late',
  overdue: 'Overdue',
  'not-yet-due': 'Not yet due',
  done: 'Done',
  'on-track': 'On track',
  'at-risk': 'At risk',
  onboarding: 'Onboarding',
  adopting: 'Adopting',
  adopted: 'Adopted',
  graduated: 'Graduated',
};

/** The flag kinds, most pressing first (the portfolio's flag filter). */
export const flagKinds = ['no-activity', 'went-quiet', 'usage-drop', 'few-seats-active', 'milestone-overdue', 'health-falling', 'users-stuck'];

/** The lifecycle stages, in journey order. */
export const stages = ['onboarding', 'adopting', 'adopted', 'at-risk', 'graduated'];

/** Why an account needs attention, in one line: its most pressing flag's reason, else the health reason when red. */
export const whyFlagged = (a: { flags: Array<{ reason?: string }>; band: string | null; reason: string | null }): string | undefined =>
  a.flags[0]?.reason ?? (a.band === 'red' && a.reason ? a.reason : undefined);

export const label = (key: string | null | undefined): string => (key ? (labels[key] ?? key) : '—');

/** The words of a flag, naming its milestone when it has one. */
export const flagText = (f: { kind: string; milestone?: string }): string => (f.milestone ? `${label(f.kind)}: ${f.milestone}` : label(f.kind));

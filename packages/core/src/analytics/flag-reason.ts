import type { Flag } from './flag.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Why a flag is raised, in one line a CSM reads without the docs ("no one active for 12 days").
 * `names` gives milestone names by key.
 */
export function flagReason(flag: Pick<Flag, 'kind' | 'milestone' | 'facts'>, names?: ReadonlyMap<string, string>): string {
  const f = flag.facts ?? {};
  switch (flag.kind) {
    case 'no-activity':
      return f.days === undefined ? 'no core feature used yet' : `no core feature used in the ${plural(f.days, 'day')} since the start`;
    case 'went-quiet':
      return f.days === undefined ? 'no one active lately' : `no one active for ${plural(f.days, 'day')}`;
    case 'usage-drop': {
      if (f.current === undefined || f.usual === undefined || !(f.usual > 0)) return 'usage well below its usual level';
      const share = Math.round((100 * f.current) / f.usual);
      return `usage at ${share}% of its usual level (${plural(f.current, 'active user-day')} in ${plural(f.windowDays ?? 7, 'day')}, usually ${Math.round(f.usual)})`;
    }
    case 'few-seats-active':
      return f.activeSeats === undefined || f.seats === undefined
        ? 'few seats in use'
        : `${f.activeSeats} of ${plural(f.seats, 'seat')} active in the last 28 days`;
    case 'milestone-overdue': {
      const name = (flag.milestone && names?.get(flag.milestone)) ?? flag.milestone ?? 'a milestone';
      return f.overdueDays === undefined ? `${name} is overdue` : `${name} ${plural(f.overdueDays, 'day')} overdue (due day ${f.targetDay})`;
    }
    case 'health-falling':
      return `health fell ${f.days === undefined ? 'several days' : plural(f.days, 'day')} in a row`;
    case 'users-stuck':
      return f.users === undefined ? 'users stuck' : `${plural(f.users, 'user')} stuck`;
  }
}

import type { Comparison, Condition, Scope } from '../condition/condition.js';
import type { ConditionFacts } from '../condition/condition-facts.js';
import type { ProgressDefinitions } from './derive-facts.js';
import { progressChanges } from './progress-changes.js';
import { walkCondition } from '../condition/walk-condition.js';

/** When each milestone, checklist item (keyed `checklist/item`) and checklist was reached, ms since the epoch. */
export interface ProgressTimes {
  milestones: Map<string, number>;
  items: Map<string, number>;
  completed: Map<string, number>;
}

/** The history of one scope (the user, or their account) that conditions are replayed over. */
export interface TimelineScope {
  /** Times (ms, any order) of each event key's events; keys no condition names may be left out. */
  events: ReadonlyMap<string, readonly number[]>;
  /** The traits as they are now: there is no trait history. */
  traits: Record<string, unknown>;
  /** The traits as last set by a trusted source; `trusted` trait conditions read only these. */
  trustedTraits?: Record<string, unknown>;
  startedAt?: number | undefined;
  /** When the current traits took effect (the last trait change); undefined when none was ever set. */
  traitsAt?: number | undefined;
}

/** What `progressTimeline` replays: both scopes' histories and the progress already recorded, up to `now`. */
export interface TimelineInput {
  user: TimelineScope;
  account: TimelineScope;
  recorded: ProgressTimes;
  /**
   * Times the SDK reported (`Milestone Reached`, `Checklist Item Completed`, `Checklist Completed`,
   * client clock). Used only for entries the history cannot time (they read a trait), and only
   * once the history shows them reached: the SDK's word dates progress, it does not grant it.
   */
  claimed?: ProgressTimes | undefined;
  now: number;
}

const hourMs = 3_600_000;
const dayMs = 86_400_000;

// Index of the first element > t (upper) or >= t (lower) of a sorted array.
function bound(sorted: readonly number[], t: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid]! <= t : sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entry ids (`m:key`, `i:checklist/item`, `c:checklist`) whose conditions read a trait, directly or through what they refer to. */
function traitDependent(config: ProgressDefinitions): Set<string> {
  const memo = new Map<string, boolean>();
  const milestones = new Map(config.milestones.map((m) => [m.key, m]));
  const checklists = new Map(config.checklists.map((c) => [c.key, c]));
  const entry = (id: string, condition: () => Condition[]): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false); // a reference cycle (refused by validateConfig) is cut as "no traits"
    let uses = false;
    for (const c of condition())
      walkCondition(c, (n) => {
        if ('trait' in n) uses = true;
        else if ('milestone' in n) uses ||= entry(`m:${n.milestone}`, () => (milestones.get(n.milestone) ? [milestones.get(n.milestone)!.condition] : []));
        else if ('checklist' in n) uses ||= n.item === undefined ? entry(`c:${n.checklist}`, () => itemsOf(n.checklist)) : item(n.checklist, n.item);
      });
    memo.set(id, uses);
    return uses;
  };
  const itemsOf = (checklist: string): Condition[] => (checklists.get(checklist)?.items ?? []).map((it) => ({ checklist, item: it.key }));
  const item = (checklist: string, key: string) =>
    entry(`i:${checklist}/${key}`, () => {
      const it = checklists.get(checklist)?.items.find((x) => x.key === key);
      return it ? [it.done] : [];
    });
  for (const m of config.milestones) entry(`m:${m.key}`, () => [m.condition]);
  for (const c of config.checklists) {
    for (const it of c.items) item(c.key, it.key);
    entry(`c:${c.key}`, () => itemsOf(c.key));
  }
  return new Set([...memo].filter(([, uses]) => uses).map(([id]) => id));
}

const comparisonValues = (c: Comparison) => [c.gte, c.gt, c.lte, c.lt, c.eq].filter((v): v is number => typeof v === 'number');

/**
 * Replays the config's conditions over an event history and returns when each milestone,
 * checklist item and checklist was first reached: the earliest moment (an event's time, a window
 * edge, a day boundary, or a recorded time) at which it held, given what was reached before.
 * Counting thresholds are therefore timed by the event that crossed them (the 3rd `Task Added`),
 * windows by the events inside them at that moment. Traits have no history, so a condition that
 * reads one (directly or through a milestone or item it refers to) is only evaluated from when
 * the current traits took effect (`traitsAt`). Recorded progress is kept, and moved earlier when
 * the history shows it held before. Pure and deterministic.
 */
export function progressTimeline(config: ProgressDefinitions, input: TimelineInput): ProgressTimes & { fromClaims: Set<string> } {
  const { now } = input;
  const sorted = { user: new Map<string, number[]>(), account: new Map<string, number[]>() };
  for (const scope of ['user', 'account'] as const)
    for (const [key, times] of input[scope].events)
      sorted[scope].set(
        key,
        [...times].sort((a, b) => a - b),
      );
  const times = { milestones: new Map(input.recorded.milestones), items: new Map(input.recorded.items), completed: new Map(input.recorded.completed) };
  const entries: Array<[Map<string, number>, string, string]> = [
    ...config.milestones.map((m): [Map<string, number>, string, string] => [times.milestones, m.key, `m:${m.key}`]),
    ...config.checklists.flatMap((c) => [
      ...c.items.map((it): [Map<string, number>, string, string] => [times.items, `${c.key}/${it.key}`, `i:${c.key}/${it.key}`]),
      [times.completed, c.key, `c:${c.key}`] as [Map<string, number>, string, string],
    ]),
  ];
  const traitEntries = traitDependent(config);
  const traitTimes = [input.user.traitsAt, input.account.traitsAt].filter((t): t is number => typeof t === 'number');
  const traitsFrom = traitTimes.length > 0 ? Math.max(...traitTimes) : -Infinity;

  // The moments at which something can change: events of the keys conditions count, when such an
  // event leaves a window, day boundaries of daysSinceStart, when traits took effect, recorded times.
  const moments = new Set<number>([now, ...times.milestones.values(), ...times.items.values(), ...times.completed.values()]);
  if (Number.isFinite(traitsFrom)) moments.add(traitsFrom);
  const conditions = [...config.milestones.map((m) => m.condition), ...config.checklists.flatMap((c) => c.items.map((it) => it.done))];
  for (const c of conditions)
    walkCondition(c, (n) => {
      if ('event' in n) {
        const scope: Scope = n.scope ?? 'user';
        const events = sorted[scope].get(n.event) ?? [];
        const duration = n.within ? (n.within.days ?? 0) * dayMs + (n.within.hours ?? 0) * hourMs : undefined;
        for (const at of events) {
          moments.add(at);
          if (duration !== undefined) moments.add((Math.floor(at / hourMs) + 1) * hourMs + duration);
        }
      } else if ('daysSinceStart' in n) {
        const start = input[n.scope ?? 'user'].startedAt;
        if (typeof start === 'number') for (const v of comparisonValues(n.daysSinceStart)) moments.add(start + v * dayMs).add(start + (v + 1) * dayMs);
      }
    });
  const ordered = [...moments].filter((t) => Number.isFinite(t) && t <= now).sort((a, b) => a - b);

  const own = (o: Record<string, unknown> | undefined, k: string) => (o !== undefined && Object.hasOwn(o, k) ? o[k] : undefined);
  const by = (map: Map<string, number>, key: string, t: number) => (map.get(key) ?? Infinity) <= t;
  for (const t of ordered) {
    if (entries.every(([map, key]) => by(map, key, t))) break;
    const facts: ConditionFacts = {
      now: t,
      eventCount(key, scope, sinceMs) {
        const events = sorted[scope].get(key);
        if (!events) return 0;
        return bound(events, t, true) - (sinceMs === undefined ? 0 : bound(events, sinceMs, false));
      },
      trait: (scope, name, trusted) => own(trusted ? input[scope].trustedTraits : input[scope].traits, name),
      startedAt: (scope) => input[scope].startedAt,
      milestoneReached: (key) => by(times.milestones, key, t),
      checklistItemDone: (checklist, item) => by(times.items, `${checklist}/${item}`, t),
      checklistComplete: (checklist) => by(times.completed, checklist, t),
    };
    const changes = progressChanges(config, facts);
    const early = t < traitsFrom;
    for (const key of changes.milestones) if (!(early && traitEntries.has(`m:${key}`))) times.milestones.set(key, t);
    for (const { checklist, item } of changes.items) if (!(early && traitEntries.has(`i:${checklist}/${item}`))) times.items.set(`${checklist}/${item}`, t);
    for (const key of changes.completed) if (!(early && traitEntries.has(`c:${key}`))) times.completed.set(key, t);
  }
  // An earlier SDK time for an entry the history cannot time: take it, and replay again so what
  // depends on that entry can move earlier too (the claims are used up, so this recurses once).
  const claimed = input.claimed;
  if (!claimed) return { ...times, fromClaims: new Set() };
  const names = { milestones: 'm', items: 'i', completed: 'c' } as const;
  // Ids `milestones:key`, `items:checklist/item`, `completed:checklist` dated by a claim.
  const used = new Set<string>();
  const recorded: ProgressTimes = { milestones: new Map(times.milestones), items: new Map(times.items), completed: new Map(times.completed) };
  for (const kind of ['milestones', 'items', 'completed'] as const)
    for (const [key, at] of claimed[kind]) {
      const reached = times[kind].get(key);
      if (reached !== undefined && at < reached && traitEntries.has(`${names[kind]}:${key}`)) {
        recorded[kind].set(key, at);
        used.add(`${kind}:${key}`);
      }
    }
  if (used.size === 0) return { ...times, fromClaims: used };
  return { ...progressTimeline(config, { ...input, recorded, claimed: undefined }), fromClaims: used };
}

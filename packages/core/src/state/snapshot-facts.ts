import type { Scope } from '../condition/condition.js';
import type { ConditionFacts } from '../condition/condition-facts.js';
import type { PageFacts } from '../page/page-facts.js';
import type { ScopeState, StateSnapshot } from './state-snapshot.js';

const hourMs = 3_600_000;
const own = (o: unknown, key: string): unknown =>
  typeof o === 'object' && o !== null && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The facts a snapshot records, at `now`. Milestones, items and checklists count only when
 * recorded; wrap in `deriveFacts(config, ...)` to also count the ones whose conditions hold now.
 * Tolerates partial or malformed snapshots: what is missing is 0, undefined or false.
 */
export function snapshotFacts(snapshot: StateSnapshot, now: number): ConditionFacts {
  const scopeState = (scope: Scope): Partial<ScopeState> | undefined => own(snapshot, scope) as Partial<ScopeState> | undefined;
  const has = (list: unknown, key: string) => Array.isArray(list) && list.includes(key);
  return {
    now,
    eventCount(key, scope, sinceMs) {
      const counter = own(scopeState(scope)?.events, key);
      if (sinceMs === undefined) return num(own(counter, 'total'));
      const hours = own(counter, 'hours');
      if (typeof hours !== 'object' || hours === null) return 0;
      const from = Math.floor(sinceMs / hourMs);
      let n = 0;
      for (const [hour, count] of Object.entries(hours)) if (Number(hour) >= from) n += num(count);
      return n;
    },
    trait: (scope, name, trusted) => own(trusted ? scopeState(scope)?.trustedTraits : scopeState(scope)?.traits, name),
    startedAt(scope) {
      const at = scopeState(scope)?.startedAt;
      return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
    },
    milestoneReached: (key) => has(own(snapshot, 'milestones'), key),
    checklistItemDone: (checklist, item) => has(own(own(snapshot, 'items'), checklist), item),
    checklistComplete: (checklist) => has(own(snapshot, 'completed'), checklist),
    page() {
      const p = own(snapshot, 'page') as Partial<PageFacts> | undefined;
      return p && typeof p.path === 'string'
        ? { path: p.path, hash: String(p.hash ?? ''), search: String(p.search ?? ''), title: String(p.title ?? '') }
        : undefined;
    },
  };
}

import type { EventCounter, ScopeState, StateSnapshot } from './state-snapshot.js';
import { snapshotHorizonHours } from './state-snapshot.js';

const hourMs = 3_600_000;

function count(counter: EventCounter | undefined, hour: number): EventCounter {
  const hours: Record<string, number> = {};
  for (const [h, n] of Object.entries(counter?.hours ?? {})) if (Number(h) > hour - snapshotHorizonHours) hours[h] = n;
  hours[hour] = (hours[hour] ?? 0) + 1;
  return { total: (counter?.total ?? 0) + 1, hours };
}

function bump(state: ScopeState, key: string, hour: number): ScopeState {
  const events = { ...state.events, [key]: count(Object.hasOwn(state.events, key) ? state.events[key] : undefined, hour) };
  return { ...state, events };
}

/**
 * The snapshot after one more event with this key at `at` (ms): counted for the user and for
 * their account. Pure: returns a new snapshot. Drops that key's hourly counts older than the
 * longest window.
 */
export function recordEvent(snapshot: StateSnapshot, key: string, at: number): StateSnapshot {
  const hour = Math.floor(at / hourMs);
  return { ...snapshot, user: bump(snapshot.user, key, hour), account: bump(snapshot.account, key, hour) };
}

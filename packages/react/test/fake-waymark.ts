import type { GateView, Waymark } from '@waymark/sdk';

/**
 * A tracker double for the bindings' own logic: gate states set by the test, listeners it can
 * count, and every call recorded. The real tracker is driven in test/real-tracker.test.tsx and in
 * Chromium (test/react-example.test.ts at the repository root).
 */
export function fakeWaymark() {
  const gates = new Map<string, GateView>();
  const listeners = new Set<{ key: string; cb: (view: GateView) => void }>();
  const calls: Array<[string, unknown[]]> = [];
  const record =
    (name: string) =>
    (...args: unknown[]): void =>
      void calls.push([name, args]);
  const waymark: Waymark = {
    identify: record('identify'),
    group: record('group'),
    track: record('track'),
    page: record('page'),
    reset: record('reset'),
    consent: record('consent'),
    startGuide: record('startGuide'),
    showChecklist: record('showChecklist'),
    debug: record('debug'),
    ui: record('ui'),
    quiet: record('quiet'),
    preview: record('preview'),
    destroy: record('destroy'),
    flush: async () => undefined,
    isUnlocked: (key) => !!gates.get(key)?.unlocked,
    gate: (key) => (gates.has(key) ? structuredClone(gates.get(key)) : undefined),
    onGateChange(key, cb) {
      const l = { key, cb };
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  return {
    waymark,
    calls,
    listeners,
    /** Sets a gate's state and tells its listeners, as the SDK's UI does. */
    setGate(view: GateView) {
      gates.set(view.key, view);
      for (const l of listeners) if (l.key === view.key) l.cb(view);
    },
  };
}

/** A locked gate with two of three items done. */
export const lockedReports: GateView = {
  key: 'reports',
  unlocked: false,
  reason: 'locked',
  locked: 'disable',
  progress: { done: 2, total: 3 },
  todo: [{ checklist: 'getting-started', item: 'invite', title: 'Invite a teammate' }],
};

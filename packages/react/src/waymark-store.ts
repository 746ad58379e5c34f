import type { GateView, KeyValueStorage, Waymark } from '@waymark/sdk';

type Queued = { [K in keyof Waymark]: [K, Parameters<Waymark[K]>] }[keyof Waymark];

/**
 * What the provider hands its hooks: a tracker that can be called from the first render on (calls
 * made before the real tracker starts are kept and replayed, as the script tag's loader does), and
 * a way to hear when the real one is attached or detached.
 */
export interface WaymarkStore {
  /** Always callable; forwards to the attached tracker. */
  waymark: Waymark;
  /** Where the tracker keeps its state (the checklist views are read from it); undefined: localStorage. */
  storage: KeyValueStorage | undefined;
  /** The attached tracker, if any. */
  current(): Waymark | undefined;
  /** Attaches a started tracker: replays what was called before, re-subscribes gate listeners. */
  attach(tracker: Waymark): void;
  /** Detaches the tracker (it is not destroyed here). */
  detach(): void;
  /** Calls `cb` on attach and detach; returns the cleanup. */
  subscribe(cb: () => void): () => void;
}

interface GateListener {
  key: string;
  cb: (view: GateView) => void;
  stop?: () => void;
}

/** A store with no tracker attached yet. */
export function createWaymarkStore(storage?: KeyValueStorage): WaymarkStore {
  let tracker: Waymark | undefined;
  let queue: Queued[] = [];
  const listeners = new Set<() => void>();
  const gateListeners = new Set<GateListener>();
  const notify = (): void => {
    for (const cb of listeners) cb();
  };
  const call = <K extends keyof Waymark>(name: K) =>
    ((...args: Parameters<Waymark[K]>) => {
      if (tracker) (tracker[name] as (...a: unknown[]) => unknown)(...args);
      else queue.push([name, args] as Queued);
    }) as Waymark[K];

  const waymark: Waymark = {
    identify: call('identify'),
    group: call('group'),
    track: call('track'),
    page: call('page'),
    reset: call('reset'),
    consent: call('consent'),
    startGuide: call('startGuide'),
    showChecklist: call('showChecklist'),
    debug: call('debug'),
    ui: call('ui'),
    quiet: call('quiet'),
    preview: call('preview'),
    flush: () => tracker?.flush() ?? Promise.resolve(),
    isUnlocked: (key) => tracker?.isUnlocked(key) ?? false,
    gate: (key) => tracker?.gate(key),
    onGateChange(key, cb) {
      const l: GateListener = { key, cb };
      gateListeners.add(l);
      if (tracker) l.stop = tracker.onGateChange(key, cb);
      return () => {
        gateListeners.delete(l);
        l.stop?.();
      };
    },
    // The provider owns the tracker's life.
    destroy: () => undefined,
  };

  return {
    waymark,
    storage,
    current: () => tracker,
    attach(next) {
      tracker = next;
      for (const [name, args] of queue.splice(0)) (next[name] as (...a: unknown[]) => unknown)(...args);
      for (const l of gateListeners) l.stop = next.onGateChange(l.key, l.cb);
      notify();
    },
    detach() {
      for (const l of gateListeners) l.stop?.();
      tracker = undefined;
      queue = [];
      notify();
    },
    subscribe(cb) {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
  };
}

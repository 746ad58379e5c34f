import {
  mayNudge,
  nudgeForItem,
  onboardingEvents,
  type Checklist,
  type Nudge,
  type NudgeRecord,
  type ScreenHold,
  type StuckDecision,
  type WaymarkConfig,
} from '@waymark/core';
import type { KeyValueStorage } from '../platform.js';
import { stuckGlobal } from '../ui-host.js';
import type { stuckWatch, WatchedItem } from './stuck-watch.js';
import { loadChunk } from './use-chunk.js';

const snoozeMs = 86_400_000;

/** The user's next unfinished item (of the checklist on screen): its pages and its guide's target here. */
export interface NextItem {
  checklist: Checklist;
  item: Checklist['items'][number];
  /** Whose item: counts of one user never carry over to another signing in on the same browser. */
  id: string;
  /** Paths of the item's link and guide steps. */
  pages: string[];
  onPage(): boolean;
  target(): Element | undefined;
}

/** A nudge on screen: which, for which item, and whether a hotspot was opened into its tooltip. */
export interface ShownNudge {
  nudge: Nudge;
  checklist: Checklist;
  item: Checklist['items'][number];
  target: Element | undefined;
  open: boolean;
}

/** What the nudges need from the UI. */
export interface NudgesOptions {
  /** URL of the UI chunk: the stuck-detection chunk sits next to it. */
  ui: string;
  storage: KeyValueStorage | undefined;
  now(): number;
  session: string;
  config(): WaymarkConfig | undefined;
  next(): NextItem | undefined;
  /** The user's nudge history (shared with what is saved). */
  history(): NudgeRecord[];
  /** What holds a new nudge back (core's `arbitrate`), if anything. */
  hold(): ScreenHold | undefined;
  track(event: string, properties: Record<string, unknown>): void;
  save(): void;
  changed(): void;
}

/** Stuck detection on the user's next item and the nudge it may bring. */
export interface Nudges {
  shown(): ShownNudge | undefined;
  /** Points the stuck watch at the user's next item (call when progress or the page changes). */
  rewatch(): void;
  event(name: string): void;
  page(): void;
  /** A hotspot was pressed: it opens into its tooltip. */
  open(): void;
  /** "Show me how": recorded, and the nudge goes. */
  clicked(): void;
  /** "Not now" (also the close button) or "Don't show again". */
  mark(type: 'snoozed' | 'dismissed'): void;
  stop(): void;
}

export function createNudges(o: NudgesOptions): Nudges {
  let shown: ShownNudge | undefined;
  const nudgeFor = (checklist: string, item: string): Nudge | undefined => {
    const config = o.config();
    return config && nudgeForItem(config.nudges, checklist, item);
  };
  const props = (s: ShownNudge) => ({ nudge: s.nudge.key, checklist: s.checklist.key, item: s.item.key });

  function onStuck(d: StuckDecision, id: string, first: boolean): void {
    const next = o.next();
    if (!next || next.id !== id) return;
    if (first) o.track(onboardingEvents.userStuck, { checklist: next.checklist.key, item: next.item.key, reason: d.reason });
    const n = nudgeFor(next.checklist.key, next.item.key);
    // What is on screen decides first (a guide, even one waiting for its target, a hint or another
    // nudge holds it back), then the user's history and the caps.
    if (!n || o.hold() || !mayNudge(o.history(), o.now(), n.caps ?? {}, { nudge: n.key, session: o.session }).allowed) return;
    const target = n.kind === 'toast' ? undefined : next.target();
    shown = { nudge: n, checklist: next.checklist, item: next.item, target, open: n.kind !== 'hotspot' || !target };
    o.history().push({ type: 'shown', nudge: n.key, at: o.now(), session: o.session });
    o.save();
    o.track(onboardingEvents.nudgeShown, { ...props(shown), reason: d.reason, kind: n.kind, session: o.session });
    o.changed();
  }
  // The watch's code (`waymark-stuck.js`) loads once there is an item to watch; until it runs,
  // the item asked for waits (and loading is tried again at the next item if it failed).
  let watch: ReturnType<typeof stuckWatch> | undefined;
  let wanted: WatchedItem | undefined;
  let script: HTMLScriptElement | undefined;
  let loading = false;
  let stopped = false;
  const watchItem = (next: WatchedItem | undefined): void => {
    wanted = next;
    if (watch) return watch.set(next);
    if (!next || loading) return;
    loading = true;
    script = loadChunk<typeof stuckWatch>(o.ui, 'waymark-stuck.js', stuckGlobal, (start) => {
      loading = false;
      if (!start || stopped) return;
      watch = start(o.storage, o.now, onStuck);
      watch.set(wanted);
    });
  };

  return {
    shown: () => shown,
    rewatch() {
      const next = o.next();
      const n = next && nudgeFor(next.checklist.key, next.item.key);
      watchItem(
        next && {
          id: next.id,
          ...(next.pages.length ? { onPage: next.onPage } : {}),
          target: next.target,
          attempt: n?.attempt,
          error: n?.error,
          rules: n?.stuck,
        },
      );
      if (shown && shown.item !== next?.item) shown = undefined;
    },
    event: (name) => watch?.event(name),
    page: () => watch?.page(),
    open() {
      if (shown) (shown = { ...shown, open: true }), o.changed();
    },
    clicked() {
      if (!shown) return;
      o.track(onboardingEvents.nudgeClicked, props(shown));
      shown = undefined;
      o.changed();
    },
    mark(type) {
      if (!shown) return;
      const at = o.now();
      const until = at + snoozeMs;
      o.history().push(type === 'snoozed' ? { type, nudge: shown.nudge.key, at, until } : { type, nudge: shown.nudge.key, at });
      o.track(type === 'snoozed' ? onboardingEvents.nudgeSnoozed : onboardingEvents.nudgeDismissed, {
        ...props(shown),
        ...(type === 'snoozed' ? { until } : {}),
      });
      shown = undefined;
      o.save();
      o.changed();
    },
    stop() {
      stopped = true;
      watch?.stop();
      script?.remove();
    },
  };
}

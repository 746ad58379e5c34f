import { detectStuck, type ClickSample, type StuckDecision, type StuckRules } from '@waymark/core';
import type { KeyValueStorage } from '../platform.js';
import { listen } from '../listen.js';

/** The item being watched: who is stuck where, and how to tell. */
export interface WatchedItem {
  /** Whose item and which: counts start over when it changes. */
  id: string;
  /** Whether the user is on the item's page; undefined: the item has no page, the whole app counts. */
  onPage?: () => boolean;
  /** The item's guide target on this page, if any (dead clicks count near it). */
  target(): Element | undefined;
  attempt?: string | undefined;
  error?: string | undefined;
  rules?: Partial<StuckRules> | undefined;
}

/** What is remembered per item across reloads: counts since the item became the next one. */
interface Record_ {
  id: string;
  since: number;
  activeMs: number;
  visits: number;
  attempts: number;
  errors: number;
  /** Whether "User Stuck" was tracked for this stretch already. */
  told?: boolean;
}

const storageKey = 'waymark.stuck';
const idleMs = 60_000;
const tickMs = 1000;
const near = 40;

/**
 * Collects the signals of `detectStuck` on the user's next unfinished item: active time (tab
 * visible, input in the last minute, on the item's page), visits to its page, attempt and error
 * events, and clicks (rage clicks; dead clicks near the target: no DOM change, navigation or
 * tracked event within 700 ms). Counts survive reloads and restart when the next item changes.
 * `stuck` is called with each decision that says stuck, the first time per item with `first`.
 */
export function stuckWatch(storage: KeyValueStorage | undefined, now: () => number, stuck: (d: StuckDecision, id: string, first: boolean) => void) {
  let item: WatchedItem | undefined;
  let rec: Record_ | undefined;
  let clicks: ClickSample[] = [];
  let lastInput = now();
  let last = now();
  let changes = 0;
  const save = (): void => {
    try {
      storage?.setItem(storageKey, JSON.stringify(rec ?? null));
    } catch {
      // storage blocked: counts last for this page only
    }
  };
  const check = (): void => {
    if (!item || !rec) return;
    const d = detectStuck({ ...rec, clicks }, now(), item.rules);
    if (d.stuck) {
      // Recorded first: what `stuck` tracks comes back through `event`, which checks again.
      const first = !rec.told;
      rec.told = true;
      save();
      stuck(d, rec.id, first);
    }
  };
  const tick = (): void => {
    const t = now();
    if (rec && item && document.visibilityState === 'visible' && t - lastInput < idleMs && (item.onPage?.() ?? true))
      rec.activeMs += Math.min(t - last, 2 * tickMs);
    last = t;
    check();
  };
  const timer = setInterval(tick, tickMs);
  const observer = new MutationObserver(() => changes++);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const input = (): void => void (lastInput = now());
  const stops = ['pointerdown', 'keydown', 'scroll', 'mousemove', 'touchstart'].map((t) => listen(window, t, input, true));
  stops.push(
    listen(
      window,
      'click',
      (e) => {
        const { clientX: x, clientY: y, detail } = e as MouseEvent;
        // Clicks from Enter or Space (detail 0) have no position: they are not rage or dead clicks.
        if (!detail) return;
        const r = item?.target()?.getBoundingClientRect();
        const c: ClickSample = {
          at: now(),
          x,
          y,
          onTarget: !!r && x > r.left - near && x < r.right + near && y > r.top - near && y < r.bottom + near,
          caused: false,
        };
        const before = [changes, location.href];
        clicks = [...clicks.filter((k) => k.at > c.at - 30_000), c];
        setTimeout(() => {
          c.caused ||= changes !== before[0] || location.href !== before[1];
          check();
        }, 700);
        check();
      },
      true,
    ),
  );

  return {
    /** Watches `next` (undefined: nothing left); a different item starts its counts over. */
    set(next: WatchedItem | undefined): void {
      item = next;
      if (!next) return;
      if (rec?.id !== next.id) {
        try {
          rec = JSON.parse(storage?.getItem(storageKey) ?? 'null') ?? undefined;
        } catch {
          rec = undefined;
        }
        if (rec?.id !== next.id) rec = { id: next.id, since: now(), activeMs: 0, visits: 0, attempts: 0, errors: 0 };
        clicks = [];
        save();
      }
    },
    /** An event was tracked: it caused what the last clicks did; attempts and errors count. */
    event(name: string): void {
      for (const c of clicks) if (c.at > now() - 700) c.caused = true;
      if (!rec || !item) return;
      if (name === item.attempt) rec.attempts++;
      if (name === item.error) rec.errors++;
      save();
      check();
    },
    /** A page view: a visit when it is the item's page. */
    page(): void {
      if (rec && item?.onPage?.()) rec.visits++, save(), check();
    },
    stop(): void {
      clearInterval(timer);
      observer.disconnect();
      for (const s of stops) s();
    },
  };
}

/** The watcher `stuckWatch` returns. */
export type StuckWatch = ReturnType<typeof stuckWatch>;

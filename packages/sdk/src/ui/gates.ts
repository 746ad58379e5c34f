import { gateState, type ConditionFacts, type WaymarkConfig } from '@waymark/core';
import { gateStorageKey, type GateLockState, type GateView } from '../gate-lock.js';
import type { KeyValueStorage } from '../platform.js';
import type { GateWatcher } from '../ui-host.js';
import { gateAria } from './gate-aria.js';
import { guardGates } from './gate-guard.js';

/**
 * Every gate of the config as the user stands on it: core's `gateState` (the evaluator
 * `GET /v1/gates` uses too) with the user's CSM override, and the titles of the items left.
 */
export function gateViews(config: WaymarkConfig, facts: ConditionFacts, overrides: Record<string, 'unlock' | 'lock'> = {}): GateView[] {
  return config.gates.map((g) => {
    const s = gateState(g, facts, { user: overrides[g.key] }, config.checklists);
    const title = (c: string, i: string) => config.checklists.find((x) => x.key === c)?.items.find((x) => x.key === i)?.title ?? i;
    return { ...s, locked: g.locked, todo: s.todo.map((t) => ({ ...t, title: title(t.checklist, t.item) })) };
  });
}

// How a locked feature looks. The badge is a padlock drawn by a mask (it renders without any
// emoji font, in the control's text colour); "--waymark-lock" (any CSS mask image) replaces it.
const looks = { hide: '{display:none!important}', disable: '{opacity:.55!important;cursor:not-allowed!important}', teaser: '{cursor:help!important}' };
const padlock = `url("data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z"/></svg>')}")`;
const badge = `::after{content:"";display:inline-block;width:.8em;height:.8em;vertical-align:-.05em;margin-inline-start:.35em;background:currentColor;-webkit-mask:var(--waymark-lock,${padlock}) center/contain no-repeat;mask:var(--waymark-lock,${padlock}) center/contain no-repeat}`;

/** The tracker's lock for these views: the stylesheet for locked controls, their selector, the views by key. */
export function gateLockState(views: GateView[]): GateLockState {
  const locked = views.filter((v) => !v.unlocked);
  const sel = (v: GateView) => `[data-waymark-gate="${v.key}"]`;
  const css = locked.map((v) => sel(v) + looks[v.locked] + (v.locked === 'hide' ? '' : sel(v) + badge)).join('');
  const all = locked.map(sel).join();
  return {
    css,
    sel: all,
    pre: all && `${css}${all}{pointer-events:none!important}`,
    views: Object.fromEntries(views.map((v) => [v.key, v])),
  };
}

/** What the gates need from the UI. */
export interface GatesOptions {
  storage: KeyValueStorage | undefined;
  /** The document stylesheet of the lock (adopted by the tracker). */
  sheet: CSSStyleSheet;
  /** What a screen reader hears about a locked control. */
  describe(view: GateView): string;
  /** A locked control was pressed. */
  blocked(el: Element): void;
}

/** The gates of one page: lock, guard, screen-reader notes and `onGateChange` subscribers. */
export interface Gates {
  /** Applies newly evaluated views: lock, storage for the next page, notes, subscribers. */
  update(views: GateView[]): void;
  views(): GateView[];
  watch(w: GateWatcher): void;
  stop(): void;
}

// The host app's callback must not break the UI (nor the host app, by throwing through us).
const call = (w: GateWatcher, view: GateView): void => {
  try {
    w.cb?.(view);
  } catch {
    // the host app's error, not ours to report
  }
};

export function createGates({ storage, sheet, describe, blocked }: GatesOptions): Gates {
  let views: GateView[] = [];
  let sel = '';
  const watchers: GateWatcher[] = [];
  const aria = gateAria(describe);
  const unguard = guardGates(() => sel, blocked);
  return {
    update(next) {
      const before = views;
      views = next;
      const lock = gateLockState(views);
      sel = lock.sel;
      sheet.replaceSync(lock.css);
      try {
        storage?.setItem(gateStorageKey, JSON.stringify(lock));
      } catch {
        // storage blocked: the next page locks once the config is there
      }
      aria.update(views);
      const old = (key: string) => before.find((v) => v.key === key);
      for (const w of watchers) if (lock.views[w.key] && JSON.stringify(lock.views[w.key]) !== JSON.stringify(old(w.key))) call(w, lock.views[w.key]!);
    },
    views: () => views,
    watch(w) {
      watchers.push(w);
      const v = views.find((x) => x.key === w.key);
      if (v) call(w, v);
    },
    stop() {
      aria.stop();
      unguard();
    },
  };
}

import {
  checklistProgress,
  deriveFacts,
  eventKey,
  onboardingEvents,
  settleProgress,
  snapshotFacts,
  type Checklist,
  type ChecklistProgress,
  type Message,
  type ProgressChanges,
  type WaymarkConfig,
} from '@waymark/core';
import { h, render } from 'preact';
import { listen } from '../listen.js';
import { debugGlobal, guideStorageKey, type RecordedMessage, type UiCommand, type UiHandle, type UiHost, type UserState } from '../ui-host.js';
import { ChecklistPanel } from './checklist-panel.js';
import type { RenderDebug } from './waymark-debug.js';
import { deepActiveElement } from './deep-active.js';
import { createGuideRunner, type TourView, type TourWait } from './guide-runner.js';
import { mountShadow } from './mount-shadow.js';
import { Popover } from './popover.js';
import { activeGuide, applyMessage, localProgress, mergeProgress, type LocalProgress, type Progress } from './progress.js';
import { defaultStrings, format, mergeStrings } from './strings.js';
import { css } from './styles.js';

const progressKey = 'waymark.progress';
const toastMs = 4000;

/**
 * Mounts the UI for a tracker (what the chunk's global does): checklist launcher and panel, guides,
 * celebrations, debug panel. Evaluates progress locally as the host app tracks events, starting
 * from the collector's state. Never throws into the page; returns the handle that removes it all.
 */
export function mountUi(host: UiHost): UiHandle {
  const { identity, platform } = host;
  const storage = platform.storage;
  const now = (): number => platform.now();
  const mount = mountShadow(document, css);
  let config: WaymarkConfig | undefined;
  let progress: Progress = mergeProgress(undefined, undefined, {});
  let user = '';
  let strings = defaultStrings;
  let open = false;
  let forced: string | undefined;
  let debug = false;
  let announce = '';
  let toastText = '';
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let tour: TourView | undefined;
  let wait: TourWait;
  let focusBack: Element | null = null;
  let destroyed = false;
  const missing = new Map<string, string>();
  const shownAtLoad = new Set<string>();
  // Commands and messages that arrive before the config, replayed in order once it is there.
  const later: Array<() => void> = [];

  const save = (): void => {
    try {
      storage?.setItem(progressKey, JSON.stringify(localProgress(progress, user)));
      if (activeGuide(progress)) storage?.setItem(guideStorageKey, '1');
      else storage?.removeItem(guideStorageKey);
    } catch {
      // storage full or blocked: the collector still has the events
    }
  };
  const track = (event: string, properties: Record<string, unknown>): void => {
    if (event === onboardingEvents.guideErrored) missing.set(String(properties['guide']), String(properties['step']));
    host.track(event, properties);
  };
  // One celebration at a time: a newer one replaces the one on screen.
  const toast = (text: string): void => {
    toastText = text;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      toastText = '';
      draw();
    }, toastMs);
  };

  const runner = createGuideRunner({
    guides: () => config?.guides ?? [],
    track,
    setPosition(key, position) {
      progress = { ...progress, guides: { ...progress.guides, [key]: position } };
      save();
    },
    onView(view, why) {
      if (view && !tour && !focusBack) focusBack = deepActiveElement();
      if (view && (view.guide !== tour?.guide || view.index !== tour?.index)) {
        announce = format(strings.announce, { n: view.index + 1, total: view.guide.steps.length, title: view.step.title });
      }
      tour = view;
      wait = why;
      if (!view && !why && focusBack) {
        if (focusBack.isConnected) (focusBack as HTMLElement).focus?.();
        focusBack = null;
      }
      draw();
    },
    path: () => location.pathname,
    now,
  });

  const facts = () => (config ? deriveFacts(config, snapshotFacts(progress.snapshot, now())) : undefined);

  function celebrate(changes: ProgressChanges, show: boolean): void {
    if (!config) return;
    for (const { checklist, item } of changes.items) track(onboardingEvents.checklistItemCompleted, { checklist, item });
    for (const key of changes.completed) {
      track(onboardingEvents.checklistCompleted, { checklist: key });
      const c = config.checklists.find((x) => x.key === key);
      if (show && c) toast(format(strings.checklistComplete, { title: c.title }));
    }
    for (const key of changes.milestones) {
      track(onboardingEvents.milestoneReached, { milestone: key });
      const m = config.milestones.find((x) => x.key === key);
      if (show && m) toast(format(strings.milestoneReached, { name: m.name }));
    }
  }

  function settle(show: boolean): void {
    if (!config) return;
    const settled = settleProgress(progress.snapshot, config, now());
    // Recorded before the events go out: they come back through the listener.
    progress = { ...progress, snapshot: settled.snapshot };
    save();
    celebrate(settled.changes, show);
  }

  /** Starts over from the collector's `state` of `userId` (the anonymous visitor's without one). */
  function load(state: UserState | undefined, userId: string | undefined): void {
    if (!config) return;
    user = userId ?? identity.state.anonymousId;
    let local: LocalProgress | undefined;
    try {
      local = JSON.parse(storage?.getItem(progressKey) ?? 'null') ?? undefined;
    } catch {
      local = undefined;
    }
    progress = mergeProgress(state, local?.user === user ? local : undefined, identity.state.traits);
    shownAtLoad.clear();
    const f = facts();
    for (const c of config.checklists) if (f && !checklistProgress(c, f).complete) shownAtLoad.add(c.key);
    settle(false);
    const active = activeGuide(progress);
    runner.destroy();
    tour = undefined;
    if (active) runner.start(active[0], active[1].step);
  }

  function current(): { checklist: Checklist; progress: ChecklistProgress } | undefined {
    const f = facts();
    if (!config || !f) return undefined;
    for (const checklist of config.checklists) {
      if (forced !== undefined ? checklist.key !== forced : progress.dismissed.includes(checklist.key)) continue;
      const p = checklistProgress(checklist, f);
      if (forced === undefined && (!p.audience || (p.complete && !shownAtLoad.has(checklist.key)))) continue;
      return { checklist, progress: p };
    }
    return undefined;
  }

  let report: RenderDebug | undefined;
  let debugScript: HTMLScriptElement | undefined;
  function loadDebug(): void {
    if (debugScript) return;
    debugScript = document.createElement('script');
    debugScript.src = new URL('waymark-debug.js', new URL(host.ui, location.href)).href;
    debugScript.onload = () => {
      report = (window as unknown as Record<string, RenderDebug | undefined>)[debugGlobal];
      draw();
    };
    document.head.append(debugScript);
  }
  function debugView() {
    const f = facts();
    return debug && config && f && report ? report(h, { config, facts: f, progress, shown: current()?.checklist.key, tour, wait, missing }, strings.debugTitle, closeDebug) : null;
  }

  const startGuide = (key: string): void => {
    open = false;
    runner.start(key);
  };
  const toggle = (): void => {
    open = !open;
    const c = current();
    if (open && c) track(onboardingEvents.checklistOpened, { checklist: c.checklist.key });
    draw();
  };
  const dismissChecklist = (): void => {
    const c = current();
    if (!c) return;
    track(onboardingEvents.checklistDismissed, { checklist: c.checklist.key });
    progress = { ...progress, dismissed: [...progress.dismissed, c.checklist.key] };
    open = false;
    forced = undefined;
    save();
    draw();
  };
  const closeDebug = (): void => {
    debug = false;
    draw();
  };

  function draw(): void {
    if (destroyed) return;
    try {
      const c = current();
      const dir = getComputedStyle(document.documentElement).direction === 'rtl' ? 'rtl' : 'ltr';
      render(
        h(
          'div',
          { class: 'w', dir },
          c ? h(ChecklistPanel, { ...c, open, strings, toggle, dismiss: dismissChecklist, startGuide }) : null,
          tour ? h(Popover, { view: tour, strings, next: runner.next, dismiss: runner.dismiss }) : null,
          h('div', { class: 'sr', role: 'status', 'aria-live': 'polite' }, announce),
          h('div', { 'aria-live': 'polite' }, toastText ? h('div', { class: 'toast' }, toastText) : null),
          debugView(),
        ),
        mount.root,
      );
    } catch {
      // a broken render must not break the page
    }
  }

  function run([name, args]: UiCommand): void {
    if (name === 'ui') {
      const settings = args[0] as { strings?: unknown } | undefined;
      strings = mergeStrings(strings, settings?.strings);
    } else if (!config) {
      later.push(() => run([name, args]));
      return;
    } else if (name === 'startGuide' && typeof args[0] === 'string') startGuide(args[0]);
    else if (name === 'showChecklist') {
      forced = typeof args[0] === 'string' ? args[0] : undefined;
      open = false;
      toggle();
    } else if (name === 'debug') {
      debug = args[0] !== false;
      if (debug) loadDebug();
    }
    draw();
  }

  function onMessage(m: RecordedMessage): void {
    if (!config) {
      later.push(() => onMessage(m));
      return;
    }
    try {
      if (m.type === 'identify' && m.userId != null && String(m.userId) !== user) {
        // Someone else signed in: their progress is theirs, from the collector.
        const { anonymousId, userId, userHash } = identity.state;
        void host.get<UserState>('/v1/state', { anonymousId, userId, userHash }).then((s) => {
          load(s, userId);
          draw();
        });
        return;
      }
      const applied = applyMessage(progress, config, m, now());
      // Recorded before the events go out: they come back through this listener.
      progress = applied.progress;
      save();
      celebrate(applied.changes, true);
      const key = m.type === 'track' ? eventKey(m as Message) : undefined;
      if (key !== undefined) runner.onEvent(key);
      // The tracker records a page view on every route change (pushState, popstate, hashchange).
      if (m.type === 'page') runner.onRoute();
      draw();
    } catch {
      // never let the UI break tracking
    }
  }

  host.listeners.add(onMessage);
  const stopPop = listen(window, 'popstate', () => runner.onRoute());
  for (const c of host.commands.splice(0)) run(c);

  void host.ready.then(([body, state, userId]) => {
    if (destroyed || !body?.config) return;
    config = body.config;
    load(state, userId);
    for (const f of later.splice(0)) f();
    draw();
  });

  return {
    command(name, args) {
      try {
        run([name, args]);
      } catch {
        // see draw()
      }
    },
    destroy() {
      destroyed = true;
      host.listeners.delete(onMessage);
      stopPop();
      runner.destroy();
      clearTimeout(toastTimer);
      render(null, mount.root);
      mount.cleanup();
      debugScript?.remove();
    },
  };
}

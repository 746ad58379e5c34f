import {
  checklistProgress,
  deriveFacts,
  eventKey,
  matchUrlPattern,
  mayNudge,
  nudgeForItem,
  onboardingEvents,
  settleProgress,
  snapshotFacts,
  type Checklist,
  type ChecklistProgress,
  type Message,
  type Nudge,
  type NudgeRecord,
  type ProgressChanges,
  type StuckDecision,
  type WaymarkConfig,
} from '@waymark/core';
import { listen } from '../listen.js';
import { debugGlobal, guideStorageKey, type RecordedMessage, type UiCommand, type UiHandle, type UiHost, type UserState } from '../ui-host.js';
import type { GateView } from '../gate-lock.js';
import { Bubble } from './bubble.js';
import { h, renderer } from './h.js';
import { ChecklistPanel } from './checklist-panel.js';
import { findTarget } from './find-target.js';
import { gateAria } from './gate-aria.js';
import { guardGates } from './gate-guard.js';
import { gateLockState, gateViews } from './gate-views.js';
import { gateStorageKey } from '../gate-lock.js';
import { Hotspot } from './hotspot.js';
import { renderMarkdown } from './markdown.js';
import { stuckWatch } from './stuck-watch.js';
import type { RenderDebug } from './waymark-debug.js';
import { deepActiveElement } from './deep-active.js';
import { createGuideRunner, type TourView, type TourWait } from './guide-runner.js';
import { mountShadow } from './mount-shadow.js';
import { Popover } from './popover.js';
import { activeGuide, applyMessage, localProgress, mergeProgress, type LocalProgress, type Progress } from './progress.js';
import { defaultStrings, format, mergeStrings } from './strings.js';
import { css } from './styles.js';

const progressKey = 'waymark.progress';
// Gates celebrated and the nudge history: kept until the collector has the events that record them.
const marksKey = 'waymark.marks';
const toastMs = 4000;
const snoozeMs = 86_400_000;

/** An `onGateChange` subscription; the tracker clears `cb` to unsubscribe. */
interface Watcher {
  key: string;
  cb?: ((view: GateView) => void) | undefined;
}

// The host app's callback must not break the UI (nor the host app, by throwing through us).
const call = (w: Watcher, view: GateView): void => {
  try {
    w.cb?.(view);
  } catch {
    // the host app's error, not ours to report
  }
};

/** A nudge on screen: which, for which item, and whether a hotspot was opened into its tooltip. */
interface ShownNudge {
  nudge: Nudge;
  checklist: Checklist;
  item: Checklist['items'][number];
  target: Element | undefined;
  open: boolean;
}

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
  const render = renderer(mount.root.appendChild(document.createElement('div')));
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
  let overrides: Record<string, 'unlock' | 'lock'> = {};
  let celebrated: string[] = [];
  let history: NudgeRecord[] = [];
  let quiet = false;
  let hint: [GateView, Element] | undefined;
  let nudge: ShownNudge | undefined;
  let session = '';
  try {
    session = sessionStorage.getItem('waymark.session') || String(Math.random()).slice(2);
    sessionStorage.setItem('waymark.session', session);
  } catch {
    session = String(Math.random()).slice(2);
  }
  const shownAtLoad = new Set<string>();
  // Commands and messages that arrive before the config, replayed in order once it is there.
  const later: Array<RecordedMessage | (() => void)> = [];

  const save = (): void => {
    try {
      storage?.setItem(marksKey, JSON.stringify({ user, celebrated, history }));
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
  // Celebrations queue and show one at a time; quiet holds them back until it ends.
  const toasts: string[] = [];
  const showToast = (): void => {
    toastText = quiet ? '' : (toasts[0] ?? '');
    if (toastText) toastTimer = setTimeout(() => (toasts.shift(), showToast(), draw()), toastMs);
  };
  const toast = (text: string): void => {
    if (toasts.push(text) === 1 && !quiet) showToast();
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

  // Toasts first, events after: an event comes back through onMessage at once, and what it
  // unlocks must be celebrated after what caused it.
  function celebrate(changes: ProgressChanges, show: boolean): void {
    if (!config) return;
    const { checklists, milestones } = config;
    for (const key of changes.completed) show && toast(format(strings.checklistComplete, { title: checklists.find((x) => x.key === key)?.title ?? key }));
    for (const key of changes.milestones) show && toast(format(strings.milestoneReached, { name: milestones.find((x) => x.key === key)?.name ?? key }));
    for (const { checklist, item } of changes.items) track(onboardingEvents.checklistItemCompleted, { checklist, item });
    for (const key of changes.completed) track(onboardingEvents.checklistCompleted, { checklist: key });
    for (const key of changes.milestones) track(onboardingEvents.milestoneReached, { milestone: key });
  }

  function settle(show: boolean): void {
    if (!config) return;
    const settled = settleProgress(progress.snapshot, config, now());
    // Recorded before the events go out: they come back through the listener.
    progress = { ...progress, snapshot: settled.snapshot };
    save();
    celebrate(settled.changes, show);
  }

  const feature = (key: string): string => config?.features.find((f) => f.key === key)?.name ?? key;
  const aria = gateAria((v) => format(strings.gateWhy, { name: feature(v.key), todo: v.todo.map((t) => t.title).join(', ') }));
  let views: GateView[] = [];
  let sel = '';
  const unguard = guardGates(
    () => sel,
    (el) => run(['gateHint', [el]]),
  );
  const watchers: Watcher[] = [];

  /** Evaluates the gates, hands them to the tracker's lock, and celebrates each first unlock once. */
  function gates(): void {
    const f = facts();
    if (!config || !f) return;
    const before = views;
    views = gateViews(config, f, overrides);
    const lock = gateLockState(views);
    sel = lock.sel;
    host.sheet.replaceSync(lock.css);
    try {
      storage?.setItem(gateStorageKey, JSON.stringify(lock));
    } catch {
      // storage blocked: the next page locks once the config is there
    }
    aria.update(views);
    const changed = (key: string) => JSON.stringify(lock.views[key]) !== JSON.stringify(before.find((v) => v.key === key));
    for (const w of watchers) if (lock.views[w.key] && changed(w.key)) call(w, lock.views[w.key]!);
    const fresh = views.filter((v) => v.unlocked && !celebrated.includes(v.key));
    // All recorded before the events go out: they come back through onMessage, which calls this again.
    celebrated.push(...fresh.map((v) => v.key));
    if (fresh.length) save();
    if (hint && fresh.some((v) => v.key === hint![0].key)) hint = undefined;
    const names = fresh.filter((v) => config!.gates.find((g) => g.key === v.key)?.celebrate).map((v) => feature(v.key));
    if (names.length) toast(format(strings.gateUnlocked, { name: names.join(', ') }));
    for (const v of fresh) track(onboardingEvents.gateUnlocked, { gate: v.key });
  }

  const nudgeFor = (checklist: string, item: string): Nudge | undefined => config && nudgeForItem(config.nudges, checklist, item);

  // Whose item: counts of one user never carry over to another signing in on the same browser.
  const watchId = (next: { checklist: Checklist; item: Checklist['items'][number] }) => `${user} ${next.checklist.key}/${next.item.key}`;

  /** The user's next unfinished item (of the checklist on screen) and its guide's target on this page. */
  function nextItem() {
    const c = current();
    const item = c?.checklist.items.find((it) => it.key === c.progress.next);
    if (!c || !item || c.progress.complete) return undefined;
    const steps = config?.guides.find((g) => g.key === item.guide)?.steps ?? [];
    const here = (url: string | undefined) => !url || matchUrlPattern(url, location.pathname) !== undefined;
    const pages = [item.link?.url.replace(/[?#].*/, ''), ...steps.map((st) => st.url)].filter((u): u is string => !!u && u.startsWith('/'));
    const step = steps.find((st) => st.target && here(st.url));
    return { checklist: c.checklist, item, pages, target: () => (step?.target ? findTarget(step.target) : undefined) };
  }

  const mark = (type: 'dismissed' | 'snoozed', event: string): void => {
    if (!nudge) return;
    const at = now();
    const until = at + snoozeMs;
    history.push(type === 'snoozed' ? { type, nudge: nudge.nudge.key, at, until } : { type, nudge: nudge.nudge.key, at });
    track(event, { nudge: nudge.nudge.key, checklist: nudge.checklist.key, item: nudge.item.key, ...(type === 'snoozed' ? { until } : {}) });
    nudge = undefined;
    save();
    draw();
  };

  function onStuck(d: StuckDecision, id: string, first: boolean): void {
    const next = nextItem();
    if (!next || watchId(next) !== id) return;
    if (first) track(onboardingEvents.userStuck, { checklist: next.checklist.key, item: next.item.key, reason: d.reason });
    const n = nudgeFor(next.checklist.key, next.item.key);
    if (!n || !mayNudge(history, now(), n.caps ?? {}, { nudge: n.key, session, guideActive: !!tour, showing: !!(nudge || hint), quiet }).allowed) return;
    const target = n.kind === 'toast' ? undefined : next.target();
    nudge = { nudge: n, checklist: next.checklist, item: next.item, target, open: n.kind !== 'hotspot' || !target };
    history.push({ type: 'shown', nudge: n.key, at: now(), session });
    save();
    track(onboardingEvents.nudgeShown, { nudge: n.key, checklist: next.checklist.key, item: next.item.key, reason: d.reason, kind: n.kind, session });
    draw();
  }
  const watch = stuckWatch(storage, now, onStuck);

  /** Points the stuck watch at the user's next item, with its nudge's attempt and error events. */
  function rewatch(): void {
    const next = nextItem();
    const n = next && nudgeFor(next.checklist.key, next.item.key);
    watch.set(
      next && {
        id: watchId(next),
        ...(next.pages.length ? { onPage: () => next.pages.some((u) => matchUrlPattern(u, location.pathname) !== undefined) } : {}),
        target: next.target,
        attempt: n?.attempt,
        error: n?.error,
        rules: n?.stuck,
      },
    );
    if (nudge && nudge.item !== next?.item) nudge = undefined;
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
    let marks: { user?: string; celebrated?: string[]; history?: NudgeRecord[] } | undefined;
    try {
      marks = JSON.parse(storage?.getItem(marksKey) ?? 'null') ?? undefined;
    } catch {
      marks = undefined;
    }
    if (marks?.user !== user) marks = undefined;
    overrides = state?.overrides ?? {};
    celebrated = [...new Set([...(state?.celebrated ?? []), ...(marks?.celebrated ?? [])])];
    // The same record from both sides counts once (the collector may have corrected its time).
    history = [...new Map([...(state?.nudges ?? []), ...(marks?.history ?? [])].map((r) => [[r.type, r.nudge, 'session' in r ? r.session : 'until' in r ? r.until : ''].join(), r])).values()];
    shownAtLoad.clear();
    const f = facts();
    for (const c of config.checklists) if (f && !checklistProgress(c, f).complete) shownAtLoad.add(c.key);
    settle(false);
    gates();
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

  // Messages recorded while another user's state loads: theirs, applied once it is there.
  let switching: RecordedMessage[] | undefined;
  const afterSwitch: string[] = [];
  // Guides started while it loads (identify, then startGuide) start after it: loading ends any guide.
  const startGuide = (key: string): void => {
    if (switching) return void afterSwitch.push(key);
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

  /** A checklist item's call to action: its guide, else its link. */
  const go = (item: Checklist['items'][number]) =>
    item.guide || item.link ? () => (item.guide ? startGuide(item.guide) : location.assign(item.link!.url)) : undefined;
  const closeHint = (): void => {
    (hint?.[1] as HTMLElement | undefined)?.focus?.();
    hint = undefined;
    draw();
  };

  function hintView() {
    if (!hint || !config) return null;
    const [v, el] = hint;
    const gate = config.gates.find((g) => g.key === v.key);
    const items = v.todo.map((t) => config!.checklists.find((c) => c.key === t.checklist)?.items.find((i) => i.key === t.item));
    const act = items.map((i) => i && go(i)).find(Boolean);
    return Bubble({
      id: `hint-${v.key}`,
      target: el,
      title: gate?.hint?.title ?? format(strings.gateTitle, { name: feature(v.key) }),
      close: closeHint,
      closeLabel: strings.close,
      focus: true,
      actions: act ? [[strings.showMeHow, () => (closeHint(), act())]] : [],
      body: [
        gate?.hint?.body ? h('div', null, renderMarkdown(gate.hint.body)) : null,
        v.progress && [
          h('div', { class: 'bar', 'aria-hidden': 'true' }, h('i', { style: `width:${(100 * v.progress.done) / v.progress.total}%` })),
          h('div', { class: 'd' }, format(strings.gateProgress, v.progress)),
        ],
        h('ul', null, v.todo.map((t) => h('li', null, t.title))),
      ],
    });
  }

  function nudgeView() {
    if (!nudge) return null;
    const { nudge: n, item, target } = nudge;
    const title = n.title ?? strings.stuckTitle;
    if (!nudge.open && target) return Hotspot({ id: n.key, target, label: title, open: () => ((nudge!.open = true), draw()) });
    const act = go(item);
    const actions: Array<[string, () => void]> = [
      [strings.notNow, () => mark('snoozed', onboardingEvents.nudgeSnoozed)],
      [strings.never, () => mark('dismissed', onboardingEvents.nudgeDismissed)],
    ];
    if (act) {
      actions.unshift([
        strings.showMeHow,
        () => {
          track(onboardingEvents.nudgeClicked, { nudge: n.key, checklist: nudge!.checklist.key, item: item.key });
          nudge = undefined;
          act();
          draw();
        },
      ]);
    }
    return Bubble({
      id: `nudge-${n.key}`,
      target,
      title,
      close: () => mark('snoozed', onboardingEvents.nudgeSnoozed),
      closeLabel: strings.close,
      actions,
      body: h('div', null, renderMarkdown(n.body ?? format(strings.stuckBody, { item: item.title }))),
    });
  }

  function draw(): void {
    if (destroyed) return;
    try {
      rewatch();
      const c = current();
      const dir = getComputedStyle(document.documentElement).direction === 'rtl' ? 'rtl' : 'ltr';
      render(
        h(
          'div',
          { class: 'w', dir },
          c ? ChecklistPanel({ ...c, open, strings, toggle, dismiss: dismissChecklist, startGuide }) : null,
          tour ? Popover({ view: tour, strings, next: runner.next, dismiss: runner.dismiss }) : null,
          hintView(),
          tour ? null : nudgeView(),
          h('div', { class: 'sr', role: 'status', 'aria-live': 'polite' }, announce),
          h('div', { 'aria-live': 'polite' }, toastText ? h('div', { class: 'toast' }, toastText) : null),
          debugView(),
        ),
      );
    } catch {
      // a broken render must not break the page
    }
  }

  function run([name, args]: UiCommand): void {
    if (name === 'ui') {
      const settings = args[0] as { strings?: unknown } | undefined;
      strings = mergeStrings(strings, settings?.strings);
    } else if (name === 'quiet') {
      quiet = args[0] !== false;
      if (quiet) (nudge = hint = undefined), clearTimeout(toastTimer), showToast();
      else if (!toastText) showToast();
    } else if (!config) {
      later.push(() => run([name, args]));
      return;
    } else if (name === 'startGuide' && typeof args[0] === 'string') startGuide(args[0]);
    else if (name === 'onGateChange') {
      const w = args[0] as Watcher;
      watchers.push(w);
      const v = views.find((x) => x.key === w.key);
      if (v) call(w, v);
    } else if (name === 'gateHint') {
      const el = args[0] as Element;
      const v = views.find((x) => x.key === el.getAttribute('data-waymark-gate'));
      if (v && !v.unlocked) {
        track(onboardingEvents.gateBlocked, { gate: v.key });
        if (!quiet && el.isConnected) hint = [v, el];
      }
    } else if (name === 'showChecklist') {
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
    if (!config || switching) {
      (switching ?? later).push(m);
      return;
    }
    try {
      if (m.type === 'identify' && m.userId != null && String(m.userId) !== user) {
        // Someone else signed in: their progress is theirs, from the collector.
        const { anonymousId, userId, userHash } = identity.state;
        switching = [];
        void host.get<UserState>('/v1/state', { anonymousId, userId, userHash }).then((s) => {
          const held = switching ?? [];
          switching = undefined;
          load(s, userId);
          for (const x of held) onMessage(x);
          for (const key of afterSwitch.splice(0)) startGuide(key);
          draw();
        });
        return;
      }
      const applied = applyMessage(progress, config, m, now());
      // Recorded before the events go out: they come back through this listener.
      progress = applied.progress;
      save();
      celebrate(applied.changes, true);
      gates();
      rewatch();
      if (m.type === 'track') watch.event(String(m.event));
      if (m.type === 'page') watch.page();
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
    for (const f of later.splice(0)) typeof f === 'function' ? f() : onMessage(f);
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
      watch.stop();
      aria.stop();
      unguard();
      runner.destroy();
      clearTimeout(toastTimer);
      render(null);
      mount.cleanup();
      debugScript?.remove();
    },
  };
}

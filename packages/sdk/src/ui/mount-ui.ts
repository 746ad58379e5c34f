import {
  arbitrate,
  checklistProgress,
  deriveFacts,
  eventKey,
  matchUrlPattern,
  onboardingEvents,
  pageFacts,
  settleProgress,
  snapshotFacts,
  type Checklist,
  type Message,
  type ProgressChanges,
  type UserState,
  type WaymarkConfig,
} from '@waymark/core';
import { h, render } from 'preact';
import type { GateView } from '../gate-lock.js';
import { listen } from '../listen.js';
import type { RecordedMessage, UiCommand, UiHandle, UiHost } from '../ui-host.js';
import { App, type HintModel, type UiActions, type UiModel } from './app.js';
import type { AssistantTab } from './assistant-panel.js';
import { findTarget } from './find-target.js';
import { createGates, gateViews } from './gates.js';
import { createGuideRunner, type TourView, type TourWait } from './guide-runner.js';
import { createMoments } from './moments.js';
import { mountShadow } from './mount-shadow.js';
import { createNudges, type NextItem } from './nudges.js';
import { startables } from './startables.js';
import { createTriggers } from './triggers.js';
import { activeGuide, applyMessage, mergeProgress, type Progress } from './progress.js';
import { checklistViews, publishChecklists } from './publish-checklists.js';
import { readPreview, writePreview, type PreviewState } from './preview.js';
import { personal } from './personal.js';
import { whatsNew } from './whats-new.js';
import { sessionId, tabStorage } from './session-id.js';
import { defaultStrings, format, mergeStrings } from './strings.js';
import { css } from './styles.js';
import { loadMarks, saveMarks, type UserMarks } from './user-marks.js';

/** The page's path and hash: what step and item URL patterns match. */
const here = (): string => location.pathname + location.hash;
const onPage = (url: string | undefined): boolean => !url || matchUrlPattern(url, here()) !== undefined;

/**
 * Mounts the UI for a tracker (what the chunk's global does): checklist launcher and panel, guides,
 * gate hints, nudges, celebrations, debug panel, rendered by Preact in a shadow root. Evaluates
 * progress locally as the host app tracks events, starting from the collector's state. Never throws
 * into the page; returns the handle whose `destroy` removes every node, listener, observer and timer.
 */
export function mountUi(host: UiHost): UiHandle {
  const { identity, platform } = host;
  const storage = platform.storage;
  const now = (): number => platform.now();
  const mount = mountShadow(document, css);
  const container = mount.root.appendChild(document.createElement('div'));
  const session = sessionId(platform);

  // The controller's state: the config, the user's marks, and what the user opened.
  let config: WaymarkConfig | undefined;
  let marks: UserMarks = { user: '', progress: mergeProgress(undefined, undefined, {}), celebrated: [], history: [], news: {} };
  let overrides: Record<string, 'unlock' | 'lock'> = {};
  let strings = defaultStrings;
  // Every ui() call's strings, for the assistant chunk's own.
  const texts: unknown[] = [];
  let quiet = false;
  let debug = location.search.includes('waymark_debug=1');
  // An author's preview (?waymark_preview=<key>, waymark.preview(key)): shown whatever the
  // targeting and the budget, marked, and left out of analytics; kept for the tab's next pages.
  const tab = tabStorage(platform);
  let preview: PreviewState | undefined;
  // The assistant panel's tab while it is open.
  let open: AssistantTab | undefined;
  let forced: string | undefined;
  let tour: TourView | undefined;
  let wait: TourWait;
  let announce = '';
  let hint: [GateView, Element] | undefined;
  // The announcement on screen; a hotspot's is open once its beacon is pressed.
  let news: { key: string; open: boolean } | undefined;
  let destroyed = false;
  const missing = new Map<string, string>();
  // Checklists not complete when the page loaded: one completed here stays until the next page.
  const shownAtLoad = new Set<string>();
  // Commands and messages that arrive before the config, replayed in order once it is there.
  const later: Array<RecordedMessage | (() => void)> = [];

  let scheduled = false;
  const changed = (): void => {
    if (scheduled || destroyed) return;
    scheduled = true;
    queueMicrotask(draw);
  };
  const save = (): void => saveMarks(storage, marks, !!preview);
  const progress = (): Progress => marks.progress;
  const setProgress = (p: Progress): void => {
    marks = { ...marks, progress: p };
    save();
  };
  const track = (event: string, properties: Record<string, unknown>): void => {
    if (event === onboardingEvents.guideErrored) missing.set(String(properties['guide']), String(properties['step']));
    // A preview is the author's: nothing of it reaches analytics.
    if (!preview) host.track(event, properties);
  };
  const moments = createMoments(now, changed);
  const facts = () => (config ? deriveFacts(config, snapshotFacts(progress().snapshot, now())) : undefined);
  const feature = (key: string): string => config?.features.find((f) => f.key === key)?.name ?? key;

  const runner = createGuideRunner({
    guides: () => config?.guides ?? [],
    track,
    setPosition(key, position) {
      // A previewed guide's place is the tab's, never the user's progress.
      if (preview?.key === key) {
        preview = { key, step: position.step };
        writePreview(tab, preview);
      } else setProgress({ ...progress(), guides: { ...progress().guides, [key]: position } });
    },
    onView(view, why) {
      if (view && (view.guide !== tour?.guide || view.index !== tour?.index)) {
        announce = format(strings.announce, {
          n: view.index + 1,
          total: view.guide.steps.length,
          title: personal(facts(), config?.milestones ?? []).text(view.step.title),
        });
      }
      tour = view;
      wait = why;
      changed();
    },
    onEnd(guide, status) {
      if (status === 'errored') moments.say(format(strings.guideUnavailable, { title: guide.title }));
      if (preview?.key === guide.key) endPreview();
    },
    path: here,
    now,
  });
  const guideRunning = (): boolean => !!(tour || wait);
  const screen = () =>
    arbitrate({
      quiet,
      guideRunning: guideRunning(),
      hint: !!hint,
      nudge: !!(nudges.shown() || news),
      panel: !!open,
      toast: !!moments.current(),
    });

  const gates = createGates({
    storage,
    sheet: host.sheet,
    describe: (v) => format(strings.gateWhy, { name: feature(v.key), todo: v.todo.map((t) => t.title).join(', ') }),
    blocked: (el) => command(['gateHint', [el]]),
  });

  /** The checklist on screen: the one asked for, else the first the user may see and has not dismissed. */
  function current() {
    const f = facts();
    if (!config || !f) return undefined;
    for (const checklist of config.checklists) {
      if (forced !== undefined ? checklist.key !== forced : progress().dismissed.includes(checklist.key)) continue;
      const p = checklistProgress(checklist, f);
      if (forced === undefined && (!p.audience || (p.complete && !shownAtLoad.has(checklist.key)))) continue;
      return { checklist, progress: p };
    }
    return undefined;
  }

  function nextItem(): NextItem | undefined {
    const c = current();
    const item = c?.checklist.items.find((it) => it.key === c.progress.next);
    if (!c || !item || c.progress.complete) return undefined;
    const steps = config?.guides.find((g) => g.key === item.guide)?.steps ?? [];
    const pages = [item.link?.url.replace(/\?.*/, ''), ...steps.map((st) => st.url)].filter((u): u is string => !!u && u.startsWith('/'));
    const step = steps.find((st) => st.target && onPage(st.url));
    return {
      checklist: c.checklist,
      item,
      id: `${marks.user} ${c.checklist.key}/${item.key}`,
      pages,
      onPage: () => pages.some((u) => onPage(u)),
      target: () => (step?.target ? findTarget(step.target) : undefined),
    };
  }

  const nudges = createNudges({
    ui: host.ui,
    storage,
    now,
    session,
    config: () => config,
    next: nextItem,
    history: () => marks.history,
    hold: () => screen().startHold,
    track,
    save,
    changed,
  });

  const trigger = createTriggers({
    now,
    session,
    candidates() {
      const f = facts();
      const running = tour?.guide.key ?? wait?.guide;
      return config && f ? startables(config, progress(), f, running, marks.news, { guide: startGuide, checklist: openChecklist, announcement: showNews }) : [];
    },
    facts,
    history: () => marks.history,
    hold: () => screen().startHold,
    track,
    save,
  });

  // Toasts first, events after: an event comes back through onMessage at once, and what it
  // unlocks must be celebrated after what caused it.
  function celebrate(changes: ProgressChanges, show: boolean): void {
    if (!config) return;
    const { checklists, milestones } = config;
    if (show) {
      for (const key of changes.completed) moments.say(format(strings.checklistComplete, { title: checklists.find((x) => x.key === key)?.title ?? key }));
      for (const key of changes.milestones) moments.say(format(strings.milestoneReached, { name: milestones.find((x) => x.key === key)?.name ?? key }));
    }
    for (const { checklist, item } of changes.items) track(onboardingEvents.checklistItemCompleted, { checklist, item });
    for (const key of changes.completed) track(onboardingEvents.checklistCompleted, { checklist: key });
    for (const key of changes.milestones) track(onboardingEvents.milestoneReached, { milestone: key });
  }

  function settle(show: boolean): void {
    if (!config) return;
    const settled = settleProgress(progress().snapshot, config, now());
    // Recorded before the events go out: they come back through the listener.
    setProgress({ ...progress(), snapshot: settled.snapshot });
    celebrate(settled.changes, show);
  }

  /** Evaluates the gates, hands them to the lock, and celebrates each first unlock once. */
  function evaluateGates(): void {
    const f = facts();
    if (!config || !f) return;
    const views = gateViews(config, f, overrides);
    gates.update(views);
    const fresh = views.filter((v) => v.unlocked && !marks.celebrated.includes(v.key));
    if (!fresh.length) return;
    // All recorded before the events go out: they come back through onMessage, which calls this again.
    marks = { ...marks, celebrated: [...marks.celebrated, ...fresh.map((v) => v.key)] };
    save();
    if (hint && fresh.some((v) => v.key === hint![0].key)) hint = undefined;
    const names = fresh.filter((v) => config!.gates.find((g) => g.key === v.key)?.celebrate).map((v) => feature(v.key));
    if (names.length) moments.say(format(strings.gateUnlocked, { name: names.join(', ') }));
    for (const v of fresh) track(onboardingEvents.gateUnlocked, { gate: v.key });
  }

  /** Starts over from the collector's `state` of `userId` (the anonymous visitor's without one). */
  function load(state: UserState | undefined, userId: string | undefined): void {
    if (!config) return;
    marks = loadMarks(storage, state, userId ?? identity.state.anonymousId, identity.state.traits);
    // The page is this one (the collector's is the latest it has seen).
    const page = pageFacts({ url: location.href, path: location.pathname, search: location.search, title: document.title });
    marks = { ...marks, progress: { ...marks.progress, snapshot: { ...marks.progress.snapshot, page } } };
    overrides = state?.overrides ?? {};
    shownAtLoad.clear();
    const f = facts();
    for (const c of config.checklists) if (f && !checklistProgress(c, f).complete) shownAtLoad.add(c.key);
    settle(false);
    evaluateGates();
    runner.destroy();
    tour = wait = news = undefined;
    const active = activeGuide(progress());
    // A run the collector knows only as started (its first step not viewed yet) resumes at its start.
    if (active) runner.start(active[0], active[1].step ?? '');
    // A preview goes on whoever's progress is loaded; else the page view that loaded the page,
    // which came before the UI, has its triggers checked now.
    if (!(preview && startPreview(preview.key, preview.step))) trigger({ type: 'page' });
  }

  // Messages recorded while another user's state loads: theirs, applied once it is there.
  let switching: RecordedMessage[] | undefined;
  const afterSwitch: string[] = [];
  // Guides started while it loads (identify, then startGuide) start after it: loading ends any guide.
  const startGuide = (key: string, source?: string): void => {
    if (switching) return void afterSwitch.push(key);
    open = undefined;
    runner.start(key, undefined, source);
    changed();
  };
  /** Opens a checklist's panel: the one with `key` (even dismissed), or the first that applies. */
  const openChecklist = (key: string | undefined): void => {
    forced = key;
    openPanel('checklist');
  };
  /** Opens the assistant's panel at `tab`, or closes it (ending a previewed checklist's preview). */
  function openPanel(tab: AssistantTab | undefined): void {
    const c = current();
    if (!tab && open && preview && preview.key === forced) {
      open = undefined;
      return endPreview();
    }
    if (tab === 'checklist' && c && open !== tab) track(onboardingEvents.checklistOpened, { checklist: c.checklist.key });
    open = tab;
    changed();
  }
  /** Shows the guide (from `step`) or checklist with this key as a preview; false when there is none. */
  function startPreview(key: string, step?: string): boolean {
    const guide = config?.guides.some((g) => g.key === key);
    const announced = config?.announcements.some((a) => a.key === key);
    if (!guide && !announced && !config?.checklists.some((c) => c.key === key)) {
      // Nothing by that key (a typo in the URL): no preview, and the page works as usual.
      preview = undefined;
      writePreview(tab, undefined);
      return false;
    }
    preview = { key, step };
    writePreview(tab, preview);
    if (guide) {
      open = undefined;
      runner.start(key, step);
    } else if (announced) showNews(key);
    else openChecklist(key);
    save();
    return true;
  }
  function endPreview(): void {
    if (forced === preview?.key) forced = undefined;
    preview = undefined;
    writePreview(tab, undefined);
    save();
    changed();
  }
  const announcement = (key: string | undefined) => config?.announcements.find((a) => a.key === key);
  /** Records what the user did with an announcement (seen, clicked, dismissed): an event, and the mark that keeps it. */
  function markNews(key: string, event: string, extra?: Record<string, unknown>): void {
    // An author's preview leaves no mark.
    if (preview?.key === key) return;
    const m = marks.news[key];
    marks = {
      ...marks,
      news: {
        ...marks.news,
        [key]: {
          clicked: !!m?.clicked || event === onboardingEvents.announcementClicked,
          dismissed: !!m?.dismissed || event === onboardingEvents.announcementDismissed,
        },
      },
    };
    save();
    track(event, { announcement: key, ...extra });
  }
  /** Shows an announcement as its kind says (a hotspot's beacon first). */
  function showNews(key: string): void {
    const a = announcement(key);
    if (!a) return;
    // A hotspot whose element is not on the page opens in the corner instead.
    news = { key, open: a.kind !== 'hotspot' || !newsTarget(key) };
    if (news.open) markNews(key, onboardingEvents.announcementSeen);
    changed();
  }
  /** Takes the announcement off the screen, ending its preview. */
  function closeNews(key: string): void {
    if (news?.key === key) news = undefined;
    if (preview?.key === key) endPreview();
    changed();
  }
  const newsTarget = (key: string): Element | undefined => {
    const t = announcement(key)?.target;
    return t && findTarget(t);
  };
  const go = (item: Checklist['items'][number]) =>
    item.guide || item.link ? () => (item.guide ? startGuide(item.guide) : location.assign(item.link!.url)) : undefined;

  const actions: UiActions = {
    tab: openPanel,
    findGuide(key, url) {
      startGuide(key, 'assistant');
      // The runner keeps the guide's place: the next page goes on with it.
      if (url) location.assign(url);
    },
    dismissChecklist() {
      const c = current();
      if (!c) return;
      if (preview?.key === c.checklist.key) {
        open = undefined;
        return endPreview();
      }
      track(onboardingEvents.checklistDismissed, { checklist: c.checklist.key });
      setProgress({ ...progress(), dismissed: [...progress().dismissed, c.checklist.key] });
      open = undefined;
      forced = undefined;
      changed();
    },
    startGuide,
    next: () => runner.next(),
    back: () => runner.back(),
    dismissGuide: () => runner.dismiss(),
    closeHint() {
      (hint?.[1] as HTMLElement | undefined)?.focus?.();
      hint = undefined;
      changed();
    },
    openNudge: () => nudges.open(),
    nudgeGo() {
      const act = nudges.shown() && go(nudges.shown()!.item);
      nudges.clicked();
      act?.();
    },
    snoozeNudge: () => nudges.mark('snoozed'),
    dismissNudge: () => nudges.mark('dismissed'),
    toastDone: () => moments.next(),
    openNews() {
      if (!news) return;
      news = { ...news, open: true };
      markNews(news.key, onboardingEvents.announcementSeen);
      changed();
    },
    newsSeen(key) {
      if (!marks.news[key] && announcement(key)) markNews(key, onboardingEvents.announcementSeen);
      changed();
    },
    newsAct(key) {
      const act = announcement(key)?.action;
      if (!act) return;
      markNews(key, onboardingEvents.announcementClicked, { action: act.type });
      closeNews(key);
      if (act.type === 'guide') startGuide(act.guide);
      else if (act.type === 'url') act.newTab ? window.open(act.url, '_blank', 'noopener') : location.assign(act.url);
    },
    newsDismiss(key) {
      markNews(key, onboardingEvents.announcementDismissed);
      closeNews(key);
    },
    closeDebug() {
      debug = false;
      changed();
    },
    go,
  };

  function hintModel(): HintModel | undefined {
    if (!hint || !config) return undefined;
    const [view, el] = hint;
    const items = view.todo.map((t) => config!.checklists.find((c) => c.key === t.checklist)?.items.find((i) => i.key === t.item));
    return { view, el, gate: config.gates.find((g) => g.key === view.key), name: feature(view.key), act: items.map((i) => i && go(i)).find(Boolean) };
  }

  function draw(): void {
    scheduled = false;
    if (destroyed) return;
    try {
      nudges.rewatch();
      const c = current();
      const f = facts();
      const list = config && f ? whatsNew(config, f, marks.news) : [];
      if (config && f) publishChecklists(storage, checklistViews(config, f, progress().dismissed));
      const model: UiModel = {
        strings,
        texts,
        p: personal(f, config?.milestones ?? []),
        dir: getComputedStyle(document.documentElement).direction === 'rtl' ? 'rtl' : 'ltr',
        quiet,
        checklist: c,
        launcher: !!(c || config?.guides[0] || list[0]),
        open,
        guides: config?.guides ?? [],
        guideRunning: guideRunning(),
        tour,
        back: runner.canGoBack(),
        hint: hintModel(),
        nudge: nudges.shown(),
        announcement: news && { a: announcement(news.key)!, open: news.open, target: newsTarget(news.key) },
        news: list,
        toast: moments.current(),
        preview: preview?.key,
        announce,
        debug:
          debug && config && f
            ? {
                config,
                facts: f,
                progress: progress(),
                shown: c?.checklist.key,
                tour,
                wait,
                missing,
                history: marks.history,
                session,
                news: marks.news,
                announcement: news?.key,
              }
            : undefined,
        ui: host.ui,
      };
      render(h(App, { m: model, a: actions }), container);
    } catch {
      // a broken render must not break the page
    }
  }

  function command(cmd: UiCommand): void {
    switch (cmd[0]) {
      case 'ui':
        strings = mergeStrings(strings, cmd[1][0]?.strings);
        texts.push(cmd[1][0]?.strings);
        break;
      case 'quiet':
        // Held, not dropped: what waits comes back when quiet ends (core's arbitrate).
        quiet = cmd[1][0] !== false;
        break;
      case 'debug':
        debug = cmd[1][0] !== false;
        break;
      default:
        if (!config) return void later.push(() => command(cmd));
        if (cmd[0] === 'preview') {
          if (typeof cmd[1][0] === 'string') {
            if (preview) {
              runner.destroy();
              tour = wait = undefined;
              endPreview();
            }
            startPreview(cmd[1][0]);
          }
        } else if (cmd[0] === 'reset') {
          // In a preview, the author starts over as a new visitor: their progress here is cleared.
          if (preview) {
            // From its first step: load() starts the preview again.
            preview = { key: preview.key };
            load(undefined, undefined);
          }
        } else if (cmd[0] === 'startGuide') {
          if (typeof cmd[1][0] === 'string') startGuide(cmd[1][0]);
        } else if (cmd[0] === 'onGateChange') gates.watch(cmd[1][0]);
        else if (cmd[0] === 'showChecklist') openChecklist(typeof cmd[1][0] === 'string' ? cmd[1][0] : undefined);
        else if (cmd[0] === 'gateHint') {
          const el = cmd[1][0];
          const v = gates.views().find((x) => x.key === el.getAttribute('data-waymark-gate'));
          if (v && !v.unlocked) {
            track(onboardingEvents.gateBlocked, { gate: v.key });
            if (!quiet && el.isConnected) hint = [v, el];
          }
        }
    }
    changed();
  }

  function onMessage(m: RecordedMessage): void {
    if (!config || switching) return void (switching ?? later).push(m);
    try {
      if (m.type === 'identify' && m.userId != null && String(m.userId) !== marks.user) {
        // Someone else signed in: their progress is theirs, from the collector.
        const { anonymousId, userId, userHash } = identity.state;
        switching = [];
        void host.get<UserState>('/v1/state', { anonymousId, userId, userHash }).then((s) => {
          if (destroyed) return;
          const held = switching ?? [];
          switching = undefined;
          load(s, userId);
          for (const x of held) onMessage(x);
          for (const key of afterSwitch.splice(0)) startGuide(key);
          changed();
        });
        return;
      }
      const applied = applyMessage(progress(), config, m, now());
      // Recorded before the events go out: they come back through this listener.
      setProgress(applied.progress);
      celebrate(applied.changes, true);
      evaluateGates();
      nudges.rewatch();
      if (m.type === 'track') nudges.event(String(m.event));
      if (m.type === 'page') nudges.page();
      const key = m.type === 'track' ? eventKey(m as Message) : undefined;
      if (key !== undefined) runner.onEvent(key);
      // The tracker records a page view on every route change (pushState, popstate, hashchange).
      if (m.type === 'page') runner.onRoute();
      if (m.type === 'page') trigger({ type: 'page' });
      else if (key !== undefined) trigger({ type: 'event', event: key });
      changed();
    } catch {
      // never let the UI break tracking
    }
  }

  host.listeners.add(onMessage);
  const stopPop = listen(window, 'popstate', () => runner.onRoute());
  for (const c of host.commands.splice(0)) command(c);

  void host.ready.then(([body, state, userId]) => {
    if (destroyed || !body?.config) return;
    config = body.config;
    preview = readPreview(location.search, tab);
    // Someone identified after the state was asked for and before this chunk listened: theirs is
    // loaded instead (nothing starts for the visitor they were).
    const who = identity.state.userId;
    if (who !== undefined && who !== userId) later.unshift({ type: 'identify', userId: who });
    else load(state, userId);
    for (const f of later.splice(0)) typeof f === 'function' ? f() : onMessage(f);
    changed();
  });

  return {
    command(cmd) {
      try {
        command(cmd);
      } catch {
        // see draw()
      }
    },
    destroy() {
      destroyed = true;
      host.listeners.delete(onMessage);
      stopPop();
      nudges.stop();
      gates.stop();
      runner.destroy();
      moments.clear();
      render(null, container);
      mount.cleanup();
    },
  };
}

import { Fragment, h } from 'preact';
import { arbitrate, type Announcement, type Checklist as ChecklistConfig, type ChecklistProgress, type Gate, type Guide } from '@waymark/core';
import type { GateView } from '../gate-lock.js';
import { Bubble } from './bubble.js';
import type { AssistantTab } from './assistant-panel.js';
import { Debug } from './debug.js';
import type { DebugInput } from './debug-report.js';
import type { TourView } from './guide-runner.js';
import { Hotspot } from './hotspot.js';
import { Launcher } from './launcher.js';
import { News } from './news.js';
import type { NewsItem } from './whats-new.js';
import type { ShownNudge } from './nudges.js';
import type { Personal } from './personal.js';
import { format, type Strings } from './strings.js';
import { Toast } from './toast.js';
import { TourRun, TourStep } from './tour.js';

/** A gate's hint: the gate, the control that was pressed, and what gets the user there. */
export interface HintModel {
  view: GateView;
  el: Element;
  gate: Gate | undefined;
  name: string;
  /** The first item left's call to action (its guide or link). */
  act: (() => void) | undefined;
}

/** Everything the UI draws from, computed by the controller on each change. */
export interface UiModel {
  strings: Strings;
  /** The strings of every `ui()` call, in order (the assistant chunk's own strings take them too). */
  texts: unknown[];
  /** The config's texts for this user (personalised). */
  p: Personal;
  dir: 'ltr' | 'rtl';
  quiet: boolean;
  /** The checklist the user has (the assistant's checklist tab, the launcher's progress). */
  checklist: { checklist: ChecklistConfig; progress: ChecklistProgress } | undefined;
  /** Whether the launcher shows: a checklist, guides to search, or news. */
  launcher: boolean;
  /** The assistant's tab when its panel is open. */
  open: AssistantTab | undefined;
  /** The guides the assistant searches. */
  guides: readonly Guide[];
  /** A guide has started and not ended (it may be waiting for its page or target). */
  guideRunning: boolean;
  tour: TourView | undefined;
  /** Whether the step on screen can go back (its previous step is on this page). */
  back: boolean;
  hint: HintModel | undefined;
  nudge: ShownNudge | undefined;
  /** The announcement on screen (a hotspot's is open once its beacon is pressed). */
  announcement: { a: Announcement; open: boolean; target: Element | undefined } | undefined;
  /** What's new: the announcements for this user, newest first, each read or not. */
  news: NewsItem[];
  toast: readonly string[] | undefined;
  /** The key of the guide or checklist an author previews (shown marked as a preview). */
  preview: string | undefined;
  /** Announced to screen readers (guide steps). */
  announce: string;
  /** The debug panel's input, when debug mode is on. */
  debug: DebugInput | undefined;
  /** The UI chunk's URL (the debug chunk sits next to it). */
  ui: string;
}

/** What the user can do. */
export interface UiActions {
  /** Opens the assistant's panel at a tab, or closes it (undefined). */
  tab(tab: AssistantTab | undefined): void;
  /** A guide chosen in the assistant: closes the panel, starts it, and goes to `url` (its first step's page) when given. */
  findGuide(key: string, url: string | undefined): void;
  dismissChecklist(): void;
  startGuide(key: string): void;
  next(): void;
  back(): void;
  dismissGuide(): void;
  closeHint(): void;
  openNudge(): void;
  /** "Show me how" of a nudge: recorded, then the item's guide or link. */
  nudgeGo(): void;
  snoozeNudge(): void;
  dismissNudge(): void;
  toastDone(): void;
  /** Opens the announcement whose hotspot beacon was pressed. */
  openNews(): void;
  /** The user read an announcement (in What's new): recorded as seen once. */
  newsSeen(key: string): void;
  /** An announcement's call to action: recorded, then its guide, URL or just closing. */
  newsAct(key: string): void;
  /** Closed without its call to action: it does not show by itself again. */
  newsDismiss(key: string): void;
  closeDebug(): void;
  /** An item's call to action (its guide, else its link), if it has one. */
  go(item: ChecklistConfig['items'][number]): (() => void) | undefined;
}

function GateHint({ hint, strings, p, close }: { hint: HintModel; strings: Strings; p: Personal; close(): void }) {
  const { view, el, gate, name, act } = hint;
  return (
    <Bubble
      target={el}
      title={gate?.hint?.title ? p.text(gate.hint.title) : format(strings.gateTitle, { name })}
      close={close}
      closeLabel={strings.close}
      focus
      actions={act ? [[strings.showMeHow, () => (close(), act())]] : []}
    >
      {gate?.hint?.body ? <div>{p.md(gate.hint.body)}</div> : null}
      {view.progress ? (
        <>
          <div class="bar" aria-hidden="true">
            <i style={{ width: `${(100 * view.progress.done) / view.progress.total}%` }} />
          </div>
          <div class="d">{format(strings.gateProgress, view.progress)}</div>
        </>
      ) : null}
      <ul>
        {view.todo.map((t) => (
          <li>{p.text(t.title)}</li>
        ))}
      </ul>
    </Bubble>
  );
}

function NudgeView({ nudge, strings, p, a }: { nudge: ShownNudge; strings: Strings; p: Personal; a: UiActions }) {
  const { nudge: n, item, target } = nudge;
  const title = n.title ? p.text(n.title) : strings.stuckTitle;
  if (!nudge.open && target) return <Hotspot target={target} label={title} open={a.openNudge} />;
  const actions: Array<[string, () => void]> = [
    [strings.notNow, a.snoozeNudge],
    [strings.never, a.dismissNudge],
  ];
  if (a.go(item)) actions.unshift([strings.showMeHow, a.nudgeGo]);
  return (
    <Bubble target={target} title={title} close={a.snoozeNudge} closeLabel={strings.close} actions={actions}>
      <div>{n.body ? p.md(n.body) : format(strings.stuckBody, { item: p.text(item.title) })}</div>
    </Bubble>
  );
}

// A new step, or its target replaced by another element, starts placement and focus over; the
// same step shown again on the same element (a route change that kept it) does not.
const targetIds = new WeakMap<Element, number>();
let targets = 0;
const viewKey = ({ guide, index, target }: TourView): string =>
  `${guide.key}/${index}/${target ? (targetIds.get(target) ?? (targetIds.set(target, ++targets), targets)) : 0}`;

/**
 * The whole in-page UI. What may be on screen is core's `arbitrate`: a running guide beats a gate's
 * hint, which beats a nudge, which beats a toast; never two dialogs; quiet holds everything.
 */
export function App({ m, a }: { m: UiModel; a: UiActions }) {
  const screen = arbitrate({
    quiet: m.quiet,
    guideRunning: m.guideRunning,
    hint: !!m.hint,
    nudge: !!(m.nudge || m.announcement),
    panel: !!m.open,
    toast: !!m.toast,
  });
  const news = m.announcement;
  const s = m.strings;
  const tour = m.tour;
  return (
    <div class="w" dir={m.dir}>
      {m.launcher ? <Launcher m={m} a={a} /> : null}
      {screen.tour ? (
        <TourRun>
          {tour ? (
            <TourStep
              key={viewKey(tour)}
              view={tour}
              strings={s}
              p={m.p}
              preview={m.preview === tour.guide.key}
              next={a.next}
              back={m.back ? a.back : undefined}
              dismiss={a.dismissGuide}
            />
          ) : null}
        </TourRun>
      ) : null}
      {screen.hint && m.hint ? <GateHint key={`hint-${m.hint.view.key}`} hint={m.hint} strings={s} p={m.p} close={a.closeHint} /> : null}
      {screen.nudge && news ? (
        <News
          key={`news-${news.a.key}-${news.open}`}
          {...news}
          strings={s}
          p={m.p}
          preview={m.preview === news.a.key}
          show={a.openNews}
          act={() => a.newsAct(news.a.key)}
          dismiss={() => a.newsDismiss(news.a.key)}
        />
      ) : null}
      {screen.nudge && m.nudge ? <NudgeView key={`nudge-${m.nudge.nudge.key}-${m.nudge.open}`} nudge={m.nudge} strings={s} p={m.p} a={a} /> : null}
      <div class="sr" role="status" aria-live="polite">
        {m.announce}
      </div>
      <div aria-live="polite">{screen.toast && m.toast ? <Toast lines={m.toast} done={a.toastDone} /> : null}</div>
      {m.debug ? <Debug ui={m.ui} input={m.debug} title={s.debugTitle} close={a.closeDebug} /> : null}
    </div>
  );
}

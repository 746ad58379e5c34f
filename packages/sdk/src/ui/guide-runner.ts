import { matchUrlPattern, onboardingEvents, type Guide, type GuideStep } from '@waymark/core';
import type { GuidePosition } from '../ui-host.js';
import { findTarget } from './find-target.js';
import { waitFor } from './wait-for.js';

/** The step on screen: its guide, index, and target (undefined for a centred step). */
export interface TourView {
  guide: Guide;
  index: number;
  step: GuideStep;
  target: Element | undefined;
}

/** Why the active step is not on screen (for debug mode). */
export type TourWait = { guide: string; step: string; reason: 'url' | 'target' | 'missing'; url?: string } | undefined;

/** What the runner needs: capabilities and callbacks, never the UI itself. */
export interface GuideRunnerOptions {
  /** The config's guides (known once the config has loaded). */
  guides(): readonly Guide[];
  track(event: string, properties: Record<string, unknown>): void;
  /** Persists a guide's position (local storage and, through the events, the collector). */
  setPosition(key: string, position: GuidePosition): void;
  /** Called whenever what is on screen changes. */
  onView(view: TourView | undefined, wait: TourWait): void;
  /** A run ended: finished, closed by the user, or stopped because a step's target never showed. */
  onEnd?(guide: Guide, status: 'completed' | 'dismissed' | 'errored'): void;
  /** The page's path and hash (`location.pathname + location.hash`), what step `url` patterns match. */
  path(): string;
  now(): number;
}

/** Runs one guide at a time: finds targets, waits for late ones, follows URLs, advances and records. */
export interface GuideRunner {
  /**
   * Starts a guide at its first step (recording Guide Started, with `source` when given: where the
   * user started it), or resumes a run at `stepKey` ("" or an unknown key: its first step).
   */
  start(key: string, stepKey?: string, source?: string): boolean;
  next(): void;
  /** Back to the previous step (the UI offers it only when that step is on this page: see `canGoBack`). */
  back(): void;
  /** Whether the previous step exists and belongs to the page the user is on. */
  canGoBack(): boolean;
  /** The user closed the guide (Esc or the close button). */
  dismiss(): void;
  /** An event key was recorded: advances an `advance: { event }` step. */
  onEvent(key: string): void;
  /** The URL changed: shows, hides or waits for the step's page. */
  onRoute(): void;
  current(): TourView | undefined;
  destroy(): void;
}

// How long a pause in typing moves an `advance: "input"` step on.
const inputPauseMs = 800;

/** Creates the runner. */
export function createGuideRunner(o: GuideRunnerOptions): GuideRunner {
  let guide: Guide | undefined;
  let index = 0;
  let view: TourView | undefined;
  const stopStep: Array<() => void> = [];
  let viewed = '';
  // Once a step's target did not show, later steps of the run get no grace period: the page is
  // not the one the guide was written for, and the user should not stare at nothing for long.
  let failing = false;

  const clearStep = (): void => {
    for (const stop of stopStep.splice(0)) stop();
  };
  const step = (): GuideStep | undefined => guide?.steps[index];
  const position = (status: GuidePosition['status']): void => {
    if (!guide) return;
    const s = step();
    o.setPosition(guide.key, { status, ...(s ? { step: s.key } : {}), at: o.now() });
  };
  const show = (next: TourView | undefined, wait: TourWait = undefined): void => {
    view = next;
    o.onView(next, wait);
  };
  const end = (status: 'completed' | 'dismissed' | 'errored'): void => {
    const g = guide;
    clearStep();
    position(status);
    guide = undefined;
    viewed = '';
    show(undefined);
    if (g) o.onEnd?.(g, status);
  };

  function display(g: Guide, s: GuideStep, target: Element | undefined): void {
    if (target && s.advance === 'input') {
      // Typing in the field moves on once the user pauses with something typed, or commits it
      // (change: Enter, leaving the field); one keystroke alone does not pull the step away.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const filled = (e: Event): boolean => {
        const el = e.composedPath()[0] as HTMLInputElement | undefined;
        return !!el && (typeof el.value === 'string' ? el.value.trim() !== '' : (el as unknown as HTMLElement).isContentEditable);
      };
      const onInput = (e: Event): void => {
        if (!e.composedPath().includes(target)) return;
        clearTimeout(timer);
        if (!filled(e)) return;
        if (e.type === 'change') go(index + 1);
        else timer = setTimeout(() => guide === g && step() === s && go(index + 1), inputPauseMs);
      };
      document.addEventListener('input', onInput, true);
      document.addEventListener('change', onInput, true);
      stopStep.push(() => {
        clearTimeout(timer);
        document.removeEventListener('input', onInput, true);
        document.removeEventListener('change', onInput, true);
      });
    }
    if (target && s.advance === 'click') {
      // Capture phase, so the page's own handlers (a router's navigation) cannot hide the click.
      const onClick = (e: Event): void => {
        if (e.composedPath().includes(target)) setTimeout(() => guide === g && step() === s && go(index + 1));
      };
      document.addEventListener('click', onClick, true);
      stopStep.push(() => document.removeEventListener('click', onClick, true));
    }
    if (target) {
      const r = target.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
        // Scrolls every scroll container up to the viewport; centring keeps it clear of fixed headers.
        target.scrollIntoView({ block: 'center', inline: 'nearest' });
      }
    }
    const id = `${g.key}\n${index}`;
    if (viewed !== id) {
      viewed = id;
      position('active');
      o.track(onboardingEvents.guideStepViewed, { guide: g.key, step: s.key, index });
    }
    show({ guide: g, index, step: s, target });
  }

  function showStep(): void {
    clearStep();
    const g = guide;
    const s = step();
    if (!g || !s) return;
    if (s.url !== undefined && matchUrlPattern(s.url, o.path()) === undefined) {
      // The step belongs to another page: wait for the route (SPA) or the next load.
      position('active');
      show(undefined, { guide: g.key, step: s.key, reason: 'url', url: s.url });
      return;
    }
    if (!s.target) {
      display(g, s, undefined);
      return;
    }
    const spec = s.target;
    show(undefined, { guide: g.key, step: s.key, reason: 'target' });
    stopStep.push(
      waitFor(
        () => findTarget(spec),
        failing ? 0 : (s.waitMs ?? 5000),
        (target) => display(g, s, target),
        () => {
          failing = true;
          // The run ends here when the step says so or nothing is left after it: recorded as
          // errored (not completed, not dismissed by the user) and never resumed by itself.
          const ended = s.onMissing === 'end' || index === g.steps.length - 1;
          o.track(onboardingEvents.guideErrored, { guide: g.key, step: s.key, reason: 'target_not_found', ...(ended ? { ended: true } : {}) });
          if (ended) end('errored');
          else go(index + 1);
        },
      ),
    );
  }

  function dismiss(): void {
    if (!guide) return;
    o.track(onboardingEvents.guideDismissed, { guide: guide.key, step: step()?.key });
    end('dismissed');
  }

  function go(to: number): void {
    if (!guide) return;
    if (to >= guide.steps.length) {
      o.track(onboardingEvents.guideCompleted, { guide: guide.key });
      end('completed');
      return;
    }
    index = to;
    showStep();
  }

  return {
    start(key, stepKey, source) {
      const g = o.guides().find((x) => x.key === key);
      if (!g) return false;
      if (guide && guide !== g) dismiss();
      clearStep();
      guide = g;
      viewed = '';
      failing = false;
      // A run resumed at a step it no longer has (or never reached) goes on from the first step: it
      // started already.
      index = Math.max(
        0,
        g.steps.findIndex((s) => s.key === stepKey),
      );
      if (stepKey === undefined) o.track(onboardingEvents.guideStarted, source ? { guide: g.key, source } : { guide: g.key });
      showStep();
      return true;
    },
    next: () => go(index + 1),
    back() {
      if (guide && index > 0) go(index - 1);
    },
    canGoBack() {
      const prev = guide?.steps[index - 1];
      return !!prev && (prev.url === undefined || matchUrlPattern(prev.url, o.path()) !== undefined);
    },
    dismiss,
    onEvent(key) {
      const a = step()?.advance;
      if (typeof a === 'object' && a.event === key) go(index + 1);
    },
    onRoute() {
      if (guide) showStep();
    },
    current: () => view,
    destroy() {
      clearStep();
      guide = undefined;
    },
  };
}

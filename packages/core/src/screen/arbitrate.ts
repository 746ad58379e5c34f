/**
 * What wants to be on screen in the page at one moment. A guide is `running` from its start to its
 * end, including while it waits for its page or a late target; `tour` is whether its step is drawn.
 */
export interface ScreenWants {
  /** The host app asked for quiet (`waymark.quiet(true)`). */
  quiet: boolean;
  /** A guide has started and not ended (showing a step or waiting for one). */
  guideRunning: boolean;
  /** A gate's hint is open (the user pressed a locked control). */
  hint: boolean;
  /** A nudge has been shown and is neither closed nor acted on. */
  nudge: boolean;
  /** The assistant's panel is open (checklists, What's new, help). */
  panel: boolean;
  /** Celebrations are waiting to be shown. */
  toast: boolean;
}

/** Why something that starts by itself (a nudge, a triggered guide or checklist) may not start now. */
export type ScreenHold = 'quiet' | 'guide-running' | 'hint-open' | 'nudge-open' | 'panel-open';

/** What is drawn, and whether something may start by itself. */
export interface Screen {
  tour: boolean;
  hint: boolean;
  nudge: boolean;
  toast: boolean;
  /** Undefined when a nudge or a triggered experience may start; else what holds it back. */
  startHold: ScreenHold | undefined;
}

/**
 * The one rule of what may be on screen. A guide beats a gate's hint, which beats a nudge, which
 * beats a toast: a running guide (even one waiting for its target) hides hints, nudges and
 * toasts; a hint hides a nudge; never two dialogs at once. Nothing starts by itself (a nudge, a
 * triggered guide or checklist) while any of them, or the assistant's panel, is open. Quiet holds
 * everything: nothing is drawn, and what is held comes back when quiet ends. A toast is a status
 * line, not a dialog: it shows beside a hint or a nudge.
 */
export function arbitrate(w: ScreenWants): Screen {
  if (w.quiet) return { tour: false, hint: false, nudge: false, toast: false, startHold: 'quiet' };
  const hint = w.hint && !w.guideRunning;
  return {
    tour: w.guideRunning,
    hint,
    nudge: w.nudge && !w.guideRunning && !hint,
    toast: w.toast && !w.guideRunning,
    startHold: w.guideRunning ? 'guide-running' : w.hint ? 'hint-open' : w.nudge ? 'nudge-open' : w.panel ? 'panel-open' : undefined,
  };
}

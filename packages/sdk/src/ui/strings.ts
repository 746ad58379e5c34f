/** Every built-in string of the UI, in English. Placeholders in braces are filled in at render time. */
export const defaultStrings = {
  next: 'Next',
  back: 'Back',
  done: 'Done',
  /** Label of the popover's close button (read by screen readers). */
  close: 'Close',
  stepOf: 'Step {n} of {total}',
  /** Announced to screen readers on each step change. */
  announce: 'Step {n} of {total}: {title}',
  launcher: '{title} {done}/{total}',
  dismissChecklist: 'Dismiss checklist',
  itemTodo: 'Not done yet',
  showMe: 'Show me',
  go: 'Go',
  checklistComplete: 'You finished {title}!',
  milestoneReached: 'Milestone reached: {name}',
  debugTitle: 'Waymark debug',
  /** Title of a locked feature's hint (without a `hint.title` in the config). */
  gateTitle: 'Unlock {name}',
  gateProgress: '{done} of {total} done',
  /** What a screen reader hears about a locked control. */
  gateWhy: '{name} is locked. Still to do: {todo}',
  gateUnlocked: 'You unlocked {name}!',
  /** Shown when a guide stops because the element a step points at never appeared. */
  guideUnavailable: '“{title}” can’t be shown on this page right now.',
  showMeHow: 'Show me how',
  notNow: 'Not now',
  never: 'Don’t show again',
  /** Title of a nudge without one in the config. */
  stuckTitle: 'Need a hand?',
  stuckBody: 'Next up: {item}',
  /** The mark on a guide step or checklist an author previews. */
  preview: 'Preview',
  /** The launcher's label when the user has no checklist, and the assistant's search tab. */
  help: 'Help',
  /** Next to the launcher and the What's new tab (screen readers; the badge shows the number). */
  unread: '{n} unread',
};

/** The UI's strings: every key of `defaultStrings`. */
export type Strings = typeof defaultStrings;

/** Fills `{name}` placeholders; unknown ones are left as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** `base` with the string values of `overrides` for known keys; anything else is ignored. */
export function mergeStrings<S extends Record<string, string>>(base: S, overrides: unknown): S {
  const merged = { ...base };
  if (typeof overrides !== 'object' || overrides === null) return merged;
  for (const [key, value] of Object.entries(overrides)) {
    if (Object.hasOwn(base, key) && typeof value === 'string') merged[key as keyof S] = value as S[keyof S];
  }
  return merged;
}

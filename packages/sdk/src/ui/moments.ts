/** Lines said within this long of a moment's first line belong to it. */
const momentMs = 1500;

/**
 * The celebrations waiting to be shown, one toast per moment: what one action earned (an item
 * done, a checklist finished, a milestone reached, a feature unlocked), said within a moment of
 * each other, becomes the lines of a single toast, so it is celebrated together and at once.
 */
export interface Moments {
  /** Adds a line to the latest moment if it is recent enough, else starts a new one. */
  say(text: string): void;
  /** The toast on screen (its lines), if any. */
  current(): readonly string[] | undefined;
  /** The toast on screen was shown long enough (or closed): the next one comes up. */
  next(): void;
  clear(): void;
}

export function createMoments(now: () => number, changed: () => void): Moments {
  // Each moment's lines are a new array when a line joins, so the toast's timer starts over.
  const queue: Array<{ at: number; lines: string[] }> = [];
  return {
    say(text) {
      const last = queue[queue.length - 1];
      if (last && now() - last.at < momentMs) last.lines = [...last.lines, text];
      else queue.push({ at: now(), lines: [text] });
      changed();
    },
    current: () => queue[0]?.lines,
    next() {
      queue.shift();
      changed();
    },
    clear() {
      queue.length = 0;
    },
  };
}

import { listen } from '../listen.js';

/**
 * Stops every use of a locked control before the host app's own handlers see it: capture
 * listeners on the window cancel clicks, presses (apps that act on mousedown or pointerdown) and
 * Enter or Space on anything inside an element `sel()` matches (also inside open shadow roots),
 * and call `blocked` on a click or key. A form's implicit submission clicks its submit button, so
 * it is caught too. Returns the cleanup.
 */
export function guardGates(sel: () => string, blocked: (el: Element) => void): () => void {
  const stop = (e: Event): void => {
    const s = sel();
    const key = e.type === 'keydown';
    const el =
      s && (!key || /^(Enter| )$/.test((e as KeyboardEvent).key)) && (e.composedPath().find((n) => (n as Element).matches?.(s)) as Element | undefined);
    if (!el) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (key || e.type === 'click') blocked(el);
  };
  const stops = ['click', 'dblclick', 'mousedown', 'pointerdown', 'keydown'].map((t) => listen(window, t, stop, true));
  return () => stops.forEach((s) => s());
}

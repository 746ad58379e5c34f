import { autoUpdate } from './auto-update.js';
import { place, type Side } from './place.js';

/**
 * Keeps `el` (a `position: fixed` bubble, its `.arrow` child optional) next to `target`, on the
 * `side` it prefers when there is room (see `place`), following scrolls, resizes and size changes.
 * `moved` runs before each placement with the target's rect; `placed` after it. Returns the cleanup.
 */
export function anchor(target: Element, el: HTMLElement, side: Side, moved: (r: DOMRect) => void, placed: () => void): () => void {
  const tip = el.querySelector<HTMLElement>('.arrow');
  return autoUpdate(target, el, () => {
    const r = target.getBoundingClientRect();
    moved(r);
    const { clientWidth, clientHeight } = document.documentElement;
    const p = place(r, el.offsetWidth, el.offsetHeight, side, clientWidth, clientHeight);
    Object.assign(el.style, { left: `${p.x}px`, top: `${p.y}px` });
    if (tip) {
      const vertical = p.side === 'top' || p.side === 'bottom';
      // The arrow sits on the edge facing the target.
      tip.style.cssText = `${vertical ? 'left' : 'top'}:${p.arrow}px;${{ top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[p.side]}:-5px`;
    }
    placed();
  });
}

import { autoUpdate } from './auto-update.js';
import { effect, h, type VNode } from './h.js';

/** A pulsing dot on a target's corner; pressing it opens the nudge it stands for. */
export function Hotspot({ id, target, label, open }: { id: string; target: Element; label: string; open(): void }): VNode {
  return h('button', {
    type: 'button',
    class: 'hot',
    'aria-label': label,
    onClick: open,
    ...effect(`hot-${id}`, (el) =>
      autoUpdate(target, el, () => {
        const r = target.getBoundingClientRect();
        el.style.cssText = `left:${r.right - 8}px;top:${r.top - 8}px`;
      }),
    ),
  });
}

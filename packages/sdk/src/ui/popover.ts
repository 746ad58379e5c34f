import { effect, h, type VNode } from './h.js';
import type { TourView } from './guide-runner.js';
import { anchor } from './anchor.js';
import type { Side } from './place.js';
import { deepActiveElement } from './deep-active.js';
import { renderMarkdown } from './markdown.js';
import { format, type Strings } from './strings.js';

/** What the popover shows and does. */
export interface PopoverProps {
  view: TourView;
  strings: Strings;
  next(): void;
  dismiss(): void;
}

/** Positions the popover and spotlight for the current step, and listens for its keys. */
function follow(wrap: HTMLElement, { step, target }: TourView, dismiss: () => void): () => void {
const stops: Array<() => void> = [];
// The rendered tree is fixed: wrapper > [spotlight or backdrop, dialog > [arrow?, ...]].
const el = wrap.lastChild as HTMLElement | null;
  const spot = el?.previousSibling as HTMLElement;
  // Focus the primary control of each new step; a popover still hidden for placement once placed.
  const focus = (): void => el?.querySelector<HTMLElement>('button.p')?.focus();
  if (!el?.classList.contains('wait')) focus();
  if (el && target) {
    const placement = (step.placement === 'auto' || !step.placement ? 'bottom' : step.placement) as Side;
    stops.push(
      anchor(
        target,
        el,
        placement,
        (r) => Object.assign(spot.style, { top: `${r.top - 6}px`, left: `${r.left - 6}px`, width: `${r.width + 12}px`, height: `${r.height + 12}px` }),
        () => {
          // Hidden until placed, and a hidden element cannot take focus: focus it now, once.
          if (el.classList.contains('wait')) {
            el.classList.remove('wait');
            focus();
          }
        },
      ),
    );
  }

  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      dismiss();
      return;
    }
    if (e.key !== 'Tab' || !el) return;
    // Tab cycles through the popover and the target (and what it contains), so a keyboard user
    // can click, fill or submit what the step points at, and nowhere else.
    const list = [...el.querySelectorAll('*'), ...(target ? [target, ...target.querySelectorAll('*')] : [])].filter((x) => (x as HTMLElement).tabIndex >= 0);
    const at = list.indexOf(deepActiveElement() as Element);
    const to = list[(at + (e.shiftKey ? -1 : 1) + list.length) % list.length];
    if (to instanceof HTMLElement || to instanceof SVGElement) {
      e.preventDefault();
      to.focus();
    }
  };
  document.addEventListener('keydown', onKey, true);
  stops.push(() => document.removeEventListener('keydown', onKey, true));
  return () => stops.forEach((stop) => stop());
}

const ids = new WeakMap<TourView, number>();
let views = 0;

/**
 * A guide step: a dialog anchored to its target (flip, shift and arrow by `place`, kept in
 * place by autoUpdate and cleaned up on every step change) over a spotlight that dims all but the
 * target; a centred dialog over a backdrop without one. Focus moves in; Tab stays inside it and
 * the target (not aria-modal, since the target outside it is part of the step); Esc dismisses.
 */
export function Popover({ view, strings, next, dismiss }: PopoverProps): VNode {
  const { guide, index, step, target } = view;
  const total = guide.steps.length;
  const last = index === total - 1;
  const id = `wm-${index}`;
  const body = h(
    'div',
    {
              class: target ? 'pop wait' : 'pop c',
      role: 'dialog',
      'aria-labelledby': `${id}-t`,
      'aria-describedby': `${id}-b`,
      tabIndex: -1,
    },
    target ? h('div', { class: 'arrow' }) : null,
    h('div', { class: 'head' }, h('h2', { id: `${id}-t` }, step.title), h('button', { type: 'button', class: 'x', 'aria-label': strings.close, onClick: dismiss }, '×')),
    h('div', { id: `${id}-b` }, renderMarkdown(step.body)),
    // No Back: a previous step may live on another page. A click or event step advances by
    // itself; its button still lets keyboard users move on.
    h(
      'div',
      { class: 'row' },
      h('span', { class: 'count' }, total > 1 ? format(strings.stepOf, { n: index + 1, total }) : ''),
      h('button', { type: 'button', class: 'p', onClick: next }, last ? strings.done : strings.next),
    ),
  );
  // A new view (step, or its target found again) starts the placement over.
  const key = ids.get(view) ?? (ids.set(view, ++views), views);
  return h('div', effect(`pop-${key}`, (wrap) => follow(wrap, view, dismiss)), target ? h('div', { class: 'spot' }) : h('div', { class: 'backdrop' }), body);
}

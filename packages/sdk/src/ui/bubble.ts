import { anchor } from './anchor.js';
import { effect, h, type Child, type VNode } from './h.js';
import { listen } from '../listen.js';

/** What a bubble (a gate's hint, a nudge) shows and does. */
export interface BubbleProps {
  /** Identifies the bubble: a new id starts it over (placement, focus). */
  id: string;
  /** The element it points at; without one it is a toast in the corner. */
  target: Element | undefined;
  title: string;
  body: Child;
  /** Buttons, the first one primary: label and action. */
  actions: Array<[string, () => void]>;
  close(): void;
  closeLabel: string;
  /**
   * Opened by the user (a gate's hint): focus moves in and a click elsewhere closes it. A nudge
   * appears by itself: it never takes focus, and only its own buttons or Esc close it.
   */
  focus?: boolean;
}

/**
 * A small non-modal dialog next to its target (placed like a guide step, without the spotlight)
 * or in the corner. Esc closes it; so does a click elsewhere on the page when the user opened it.
 */
export function Bubble({ id, target, title, body, actions, close, closeLabel, focus }: BubbleProps): VNode {
  const start = (el: HTMLElement): (() => void) => {
    const opened = performance.now();
    const primary = (): void => void (focus && el.querySelector<HTMLElement>('.row button')?.focus());
    const stops = [
      target ? anchor(target, el, 'bottom', () => undefined, () => (el.classList.contains('wait') && el.classList.remove('wait'), primary())) : (primary(), () => undefined),
      listen(document, 'keydown', (e) => (e as KeyboardEvent).key === 'Escape' && close(), true),
      // A later click anywhere but in the bubble (not the one that opened it, still on its way).
      listen(document, 'click', (e) => !focus || e.timeStamp < opened || e.composedPath().includes(el) || close(), true),
    ];
    return () => stops.forEach((stop) => stop());
  };
  return h(
    'div',
    { class: target ? 'pop bub wait' : 'pop bub c2', role: 'dialog', 'aria-label': title, ...effect(id, start) },
    target ? h('div', { class: 'arrow' }) : null,
    h('div', { class: 'head' }, h('h2', null, title), h('button', { type: 'button', class: 'x', 'aria-label': closeLabel, onClick: close }, '×')),
    body,
    h(
      'div',
      { class: 'row' },
      actions.map(([label, act], i) => h('button', { type: 'button', class: i ? '' : 'p', onClick: act }, label)),
    ),
  );
}

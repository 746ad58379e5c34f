import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { listen } from '../listen.js';
import { useFloat } from './float.js';

/** What a bubble (a gate's hint, a nudge) shows and does. */
export interface BubbleProps {
  /** The element it points at; without one it sits in the corner. */
  target: Element | undefined;
  title: string;
  children: ComponentChildren;
  /** Buttons, the first one primary: label and action. */
  actions: Array<[string, () => void]>;
  close(): void;
  closeLabel: string;
  /** Without a target: where it sits (classes of the stylesheet); the start corner by default. */
  place?: string | undefined;
  /** A mark beside the title (an author's preview). */
  tag?: string | undefined;
  /**
   * Opened by the user (a gate's hint): focus moves in and a click elsewhere closes it. A nudge
   * appears by itself: it never takes focus, and only its own buttons or Esc close it.
   */
  focus?: boolean;
}

/**
 * A small non-modal dialog next to its target (placed like a guide step, without the spotlight)
 * or in the corner. Esc closes it; so does a click elsewhere on the page when the user opened it.
 * Give it a `key` per subject: a new key starts placement and focus over.
 */
export function Bubble({ target, title, children, actions, close, closeLabel, focus, place = 'c2', tag }: BubbleProps) {
  const box = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const closeRef = useRef(close);
  closeRef.current = close;
  // The first button, else the close button (a bubble without actions).
  const primary = (): void =>
    void (focus && (box.current?.querySelector<HTMLElement>('.row button') ?? box.current?.querySelector<HTMLElement>('.x'))?.focus());
  const placed = useRef(false);
  useFloat(target, box, tip, 'bottom', () => {
    if (!placed.current) (placed.current = true), primary();
  });
  useLayoutEffect(() => {
    const opened = performance.now();
    if (!target) primary();
    const stops = [
      listen(document, 'keydown', (e) => (e as KeyboardEvent).key === 'Escape' && closeRef.current(), true),
      // A later click anywhere but in the bubble (not the one that opened it, still on its way).
      listen(document, 'click', (e) => !focus || e.timeStamp < opened || (box.current && e.composedPath().includes(box.current)) || closeRef.current(), true),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);
  return (
    <div ref={box} class={`pop bub ${target ? 'wait' : place}`} role="dialog" aria-label={title}>
      {target ? <div ref={tip} class="arrow" /> : null}
      <div class="head">
        <h2>{title}</h2>
        {tag ? <span class="tag">{tag}</span> : null}
        <button type="button" class="x" aria-label={closeLabel} onClick={close}>
          ×
        </button>
      </div>
      {children}
      <div class="row">
        {actions.map(([label, act], i) => (
          <button type="button" class={i ? '' : 'p'} onClick={act}>
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}

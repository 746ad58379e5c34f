import { Fragment, h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Placement } from '@floating-ui/dom';
import { deepActiveElement } from './deep-active.js';
import { useFloat } from './float.js';
import type { TourView } from './guide-runner.js';
import type { Personal } from './personal.js';
import { format, type Strings } from './strings.js';

/** What a guide step's popover shows and does. */
export interface TourStepProps {
  view: TourView;
  strings: Strings;
  p: Personal;
  /** Marked as an author's preview. */
  preview?: boolean;
  next(): void;
  /** Back to the previous step; absent when there is none on this page. */
  back?: (() => void) | undefined;
  dismiss(): void;
}

/** Whether the user is typing in the host page (a field or an editable region, not Waymark's own UI). */
const typing = (el: Element | null): boolean =>
  !!el && !el.closest('[data-waymark-ui]') && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || (el as HTMLElement).isContentEditable);

/**
 * A running guide: gives focus back where it was when the guide ends (if it is still in Waymark or
 * nowhere, so focus the user moved stays where they put it). Its step, when one is on screen, is
 * the child.
 */
export function TourRun({ children }: { children: preact.ComponentChildren }) {
  useLayoutEffect(() => {
    const back = deepActiveElement();
    return () => {
      const now = deepActiveElement();
      if (back?.isConnected && (!now || now === document.body || now.closest('[data-waymark-ui]') || now.getRootNode() instanceof ShadowRoot))
        (back as HTMLElement).focus?.();
    };
  }, []);
  return <>{children}</>;
}

/**
 * A guide step: a dialog anchored to its target (@floating-ui/dom: flip, shift, arrow, hide; kept
 * in place by autoUpdate) over a spotlight that dims all but the target; a centred dialog over a
 * backdrop without one. Focus moves in, unless the user is typing in the page (a step that starts
 * while a text field has focus leaves it there); Tab stays inside it and the target (not
 * aria-modal, since the target outside it is part of the step); Esc dismisses. Keyed by step.
 */
export function TourStep({ view, strings, p, preview, next, back, dismiss }: TourStepProps) {
  const { guide, index, step, target } = view;
  const box = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const spot = useRef<HTMLDivElement>(null);
  const total = guide.steps.length;
  const id = `wm-${index}`;
  const takeFocus = useRef(!typing(deepActiveElement()));
  const focus = (): void => {
    // A step that advances on typing puts the caret in its field; any other, on its primary button.
    if (takeFocus.current) (step.advance === 'input' && target instanceof HTMLElement ? target : box.current?.querySelector<HTMLElement>('button.p'))?.focus();
    takeFocus.current = false;
  };
  const placement = (step.placement === 'auto' || !step.placement ? 'bottom' : step.placement) as Placement;
  useFloat(target, box, tip, placement, (r) => {
    Object.assign(spot.current?.style ?? {}, { top: `${r.top - 6}px`, left: `${r.left - 6}px`, width: `${r.width + 12}px`, height: `${r.height + 12}px` });
    // Hidden until placed, and a hidden element cannot take focus: focus it now, once.
    focus();
  });
  useLayoutEffect(() => {
    if (!target) focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        dismiss();
        return;
      }
      const el = box.current;
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
    return () => document.removeEventListener('keydown', onKey, true);
  }, [target]);
  return (
    <div>
      <div ref={spot} class={target ? 'spot' : 'backdrop'} />
      <div ref={box} class={target ? 'pop wait' : 'pop c'} role="dialog" aria-labelledby={`${id}-t`} aria-describedby={`${id}-b`} tabIndex={-1}>
        {target ? <div ref={tip} class="arrow" /> : null}
        <div class="head">
          <h2 id={`${id}-t`}>{p.text(step.title)}</h2>
          {preview ? <span class="tag">{strings.preview}</span> : null}
          <button type="button" class="x" aria-label={strings.close} onClick={dismiss}>
            ×
          </button>
        </div>
        <div id={`${id}-b`}>{p.md(step.body)}</div>
        {/* Back only to a step on this page. A click, input or event step advances by itself; its
            button still lets keyboard users move on. */}
        <div class="row">
          <span class="count">{total > 1 ? format(strings.stepOf, { n: index + 1, total }) : ''}</span>
          <span class="btns">
            {back ? (
              <button type="button" class="s" onClick={back}>
                {strings.back}
              </button>
            ) : null}
            <button type="button" class="p" onClick={next}>
              {index === total - 1 ? strings.done : strings.next}
            </button>
          </span>
        </div>
      </div>
    </div>
  );
}

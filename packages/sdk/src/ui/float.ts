import { arrow, autoUpdate, computePosition, flip, hide, offset, shift, type OffsetOptions, type Placement } from '@floating-ui/dom';
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

const opposite = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const;

/**
 * Keeps the `position: fixed` element in `floating` next to `target` with @floating-ui/dom:
 * on `placement`, `gap` away; a popover (one with a `tip`) flips to the other side or across when
 * there is no room and shifts to stay 8 px inside the viewport, its arrow on the target's centre.
 * `autoUpdate` follows scrolls of every ancestor, resizes and layout shifts; the element is hidden
 * while its target is scrolled out of view. `placed` runs after each placement with the target's
 * rect. Starts over when the target or placement changes; stops on unmount.
 */
export function useFloat(
  target: Element | undefined,
  floating: RefObject<HTMLElement | null>,
  tip: RefObject<HTMLElement | null> | undefined,
  placement: Placement,
  placed?: (rect: DOMRect) => void,
  gap: OffsetOptions = 12,
): void {
  const after = useRef(placed);
  after.current = placed;
  useLayoutEffect(() => {
    const el = floating.current;
    if (!target || !el) return undefined;
    let live = true;
    const update = (): void => {
      const middleware = [offset(gap)];
      if (tip) middleware.push(flip({ padding: 8 }), shift({ padding: 8 }), ...(tip.current ? [arrow({ element: tip.current, padding: 6 })] : []));
      middleware.push(hide());
      void computePosition(target, el, { strategy: 'fixed', placement, middleware }).then(({ x, y, placement: at, middlewareData: data }) => {
        if (!live) return;
        Object.assign(el.style, { left: `${x}px`, top: `${y}px`, visibility: data.hide?.referenceHidden ? 'hidden' : 'visible' });
        const a = data.arrow;
        if (tip?.current && a) {
          // The arrow sits on the edge facing the target.
          const side = opposite[at.split('-')[0] as keyof typeof opposite];
          tip.current.style.cssText = `${a.x == null ? '' : `left:${a.x}px;`}${a.y == null ? '' : `top:${a.y}px;`}${side}:-5px`;
        }
        after.current?.(target.getBoundingClientRect());
      });
    };
    const stop = autoUpdate(target, el, update, { layoutShift: true });
    return () => {
      live = false;
      stop();
    };
  }, [target, placement]);
}

import { listen } from '../listen.js';

/**
 * Calls `update` now and, once per animation frame at most, whenever the target or the popover
 * may have moved: any scroll (capture phase, so nested scroll containers count), a resize of the
 * window, or a change of either element's size. Returns the cleanup that stops all of it.
 */
export function autoUpdate(reference: Element, floating: Element, update: () => void): () => void {
  let frame = 0;
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), update()));
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(reference);
  observer.observe(floating);
  const stops = [listen(window, 'scroll', schedule, true), listen(window, 'resize', schedule)];
  update();
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
    for (const stop of stops) stop();
  };
}

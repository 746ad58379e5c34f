import type { Platform } from '@floating-ui/core';

/** The gap between a target and its popover, in px. */
export const gap = 12;

// The reference rect is grown by the gap on every side: the same effect as the offset middleware,
// whatever side flip() picks, without its bytes.
const box = (el: Element) => {
  const { x, y, width, height } = el.getBoundingClientRect();
  return { x: x - gap, y: y - gap, width: width + 2 * gap, height: height + 2 * gap };
};

/**
 * floating-ui's platform for Waymark's popovers: `position: fixed` elements at the viewport's
 * origin, clipped by the viewport. @floating-ui/dom's general platform (offset parents, clipping
 * ancestors, transforms, top layer) costs 4 KB gzipped that this case never needs.
 */
export const viewportPlatform: Platform = {
  getElementRects: ({ reference, floating }) => ({
    reference: box(reference as Element),
    floating: { x: 0, y: 0, width: (floating as HTMLElement).offsetWidth, height: (floating as HTMLElement).offsetHeight },
  }),
  getClippingRect: () => ({ x: 0, y: 0, width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }),
  getDimensions: (el) => ({ width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight }),
};

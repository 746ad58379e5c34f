import type { Locator } from 'playwright-core';

/** Where a chart's pixels of one line colour are, against its plot area. */
export interface LinePixels {
  /** Pixels of the colour inside the plot area (5 px of slack for the line's width and its point markers). */
  inside: number;
  /** Of those, how many are in the right half of the plot (the latest days). */
  insideRight: number;
  /** Pixels of the colour outside the plot area: over the axes, the labels or the padding. */
  outside: number;
}

/**
 * Counts the pixels of `rgb` (give or take `tolerance` per channel) on the canvas of the uPlot
 * chart in `figure`, inside and outside its plot area (uPlot's `.u-over` box). A line drawn past
 * its axis lands outside, or off the canvas and so nowhere.
 */
export function linePixels(figure: Locator, rgb: [number, number, number], tolerance = 40): Promise<LinePixels> {
  return figure.evaluate(
    (el, [[r0, g0, b0], tol]) => {
      const canvas = el.querySelector('canvas');
      const over = el.querySelector('.u-over');
      if (!canvas || !over) throw new Error('no uPlot chart here');
      const cb = canvas.getBoundingClientRect();
      const ob = over.getBoundingClientRect();
      const scale = canvas.width / cb.width;
      const slack = 5 * scale;
      const plot = {
        left: (ob.left - cb.left) * scale - slack,
        top: (ob.top - cb.top) * scale - slack,
        right: (ob.right - cb.left) * scale + slack,
        bottom: (ob.bottom - cb.top) * scale + slack,
      };
      const middle = (plot.left + plot.right) / 2;
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const result = { inside: 0, insideRight: 0, outside: 0 };
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i + 3]! < 200 || Math.abs(data[i]! - r0) > tol || Math.abs(data[i + 1]! - g0) > tol || Math.abs(data[i + 2]! - b0) > tol) continue;
          if (x < plot.left || x > plot.right || y < plot.top || y > plot.bottom) result.outside++;
          else {
            result.inside++;
            if (x > middle) result.insideRight++;
          }
        }
      }
      return result;
    },
    [rgb, tolerance] as const,
  );
}

/** A share series (1 = 100%) fitted to a chart's axis: what to draw, and the axis top. */
export interface ShareScale {
  /** The top of the axis: 100%, or above it in steps of 25% to hold larger values, at most `cap`. */
  top: number;
  /** The values to draw: those over `top` drawn at `top` (the legend shows the true ones). */
  drawn: Array<Array<number | null>>;
  /** Whether any value was drawn lower than it is. */
  clipped: boolean;
}

/**
 * Fits share series that may go past 100% (more users than seats bought) into one axis: it grows
 * to hold them up to `cap` (200% by default), and anything higher is drawn at the top edge, so a
 * line never leaves the chart and one odd seats trait does not flatten every other day.
 */
export function shareScale(series: ReadonlyArray<ReadonlyArray<number | null>>, cap = 2): ShareScale {
  let max = 1;
  for (const values of series) for (const v of values) if (v !== null && v > max) max = v;
  const top = Math.min(cap, Math.ceil(max * 4) / 4);
  let clipped = false;
  const drawn = series.map((values) =>
    values.map((v) => {
      if (v === null || v <= top) return v;
      clipped = true;
      return top;
    }),
  );
  return { top, drawn, clipped };
}

import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';

// uPlot is loaded with the first chart, so the login and portfolio do not wait for it.
const loadUPlot = () => import('uplot').then((m) => m.default);

/** One line of a chart. */
export interface Line {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Which y scale: the left one (default) or the right one. */
  scale?: 'y' | 'y2';
  dash?: number[];
  /** The true values for the legend, where `values` holds them clamped to the axis. */
  shown?: Array<number | null>;
}

/**
 * A uPlot line chart over numeric x values (account days), sized to its container and
 * redrawn when the container resizes. The chart is destroyed when the component unmounts.
 */
export function LineChart(props: {
  x: number[];
  lines: Line[];
  title: string;
  xLabel?: string;
  yLabel?: string;
  y2Label?: string;
  yRange?: [number, number];
  y2Range?: [number, number];
  height?: number;
  format?: (v: number) => string;
  format2?: (v: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(280, el.clientWidth);
    const hasY2 = props.lines.some((l) => l.scale === 'y2');
    const opts: uPlot.Options = {
      width: width(),
      height: props.height ?? 220,
      scales: {
        x: { time: false },
        y: props.yRange ? { range: props.yRange } : {},
        ...(hasY2 ? { y2: props.y2Range ? { range: props.y2Range } : {} } : {}),
      },
      axes: [
        // Whole days only on the x axis.
        {
          label: props.xLabel ?? 'day',
          incrs: [1, 2, 5, 7, 10, 14, 30, 60, 90, 180],
          stroke: '#475569',
          grid: { stroke: '#e2e8f0' },
          ticks: { stroke: '#cbd5e1' },
        },
        {
          label: props.yLabel,
          stroke: '#475569',
          grid: { stroke: '#e2e8f0' },
          ticks: { stroke: '#cbd5e1' },
          ...(props.format ? { values: (_u: uPlot, vals: number[]) => vals.map((v) => props.format!(v)) } : {}),
        },
        ...(hasY2
          ? [
              {
                scale: 'y2',
                side: 1 as const,
                label: props.y2Label,
                stroke: '#475569',
                grid: { show: false },
                ...(props.format2 ? { values: (_u: uPlot, vals: number[]) => vals.map((v) => props.format2!(v)) } : {}),
              },
            ]
          : []),
      ],
      series: [
        { label: props.xLabel ?? 'day' },
        ...props.lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: 2,
          scale: l.scale ?? 'y',
          spanGaps: false,
          ...(l.dash ? { dash: l.dash } : {}),
          value: (_u: uPlot, drawn: number | null, _s: number, i: number | null) => {
            const v = (i === null ? undefined : l.shown?.[i]) ?? drawn;
            return v === null || v === undefined ? '—' : ((l.scale === 'y2' ? props.format2 : props.format)?.(v) ?? String(Math.round(v * 100) / 100));
          },
        })),
      ],
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
    };
    let chart: uPlot | undefined;
    let live = true;
    const observer = new ResizeObserver(() => chart?.setSize({ width: width(), height: props.height ?? 220 }));
    void loadUPlot().then((UPlot) => {
      if (!live) return;
      chart = new UPlot(opts, [props.x, ...props.lines.map((l) => l.values)] as uPlot.AlignedData, el);
      observer.observe(el);
    });
    return () => {
      live = false;
      observer.disconnect();
      chart?.destroy();
    };
  }, [props.x, props.lines]);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={box} class="chart-box" role="img" aria-label={props.title} />
    </figure>
  );
}

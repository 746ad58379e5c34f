import { useMemo } from 'preact/hooks';
import { LineChart } from '../components/line-chart.js';
import type { AccountDailySeries } from '@waymark/core';

const minutes = (v: number) => (Number.isInteger(v) || v >= 10 ? String(Math.round(v)) : v.toFixed(1));

/** Minutes in product per account day over the last 28 days, summed over the account's users (uPlot). */
export function MinutesChart(props: { series: AccountDailySeries }) {
  const { series } = props;
  const chart = useMemo(() => {
    const values = series.minutes ?? [];
    // The series is null before the last 28 days: the chart starts where it has values.
    const first = values.findIndex((v) => v !== null);
    const from = first < 0 ? values.length : first;
    return {
      x: values.slice(from).map((_, i) => series.fromDay + from + i),
      lines: [{ label: 'minutes', values: values.slice(from), color: '#b45309' }],
    };
  }, [series]);
  if (chart.x.length === 0) return <p class="notice">No time in product measured yet.</p>;
  return <LineChart title="Minutes in product per day (last 28 days)" x={chart.x} lines={chart.lines} yLabel="minutes" format={minutes} />;
}

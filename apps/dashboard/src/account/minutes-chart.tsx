import { useMemo } from 'preact/hooks';
import { LineChart } from '../components/line-chart.js';
import type { AccountDetail } from '../types.js';

/** Minutes in product per account day (the last 28 days), summed over the account's users. */
export function MinutesChart(props: { series: NonNullable<AccountDetail['series']> }) {
  const { series } = props;
  const chart = useMemo(() => {
    const minutes = series.minutes ?? [];
    const first = minutes.findIndex((v) => v !== null);
    const from = first < 0 ? minutes.length : first;
    return { x: minutes.slice(from).map((_, i) => series.fromDay + from + i), lines: [{ label: 'minutes', values: minutes.slice(from), color: '#b45309' }] };
  }, [series]);
  if (chart.x.length === 0) return <p class="notice">No time in product in the last 28 days.</p>;
  return <LineChart title="Minutes in product per day" x={chart.x} lines={chart.lines} yLabel="minutes" height={180} format={(v) => String(Math.round(v))} />;
}

import { useMemo } from 'preact/hooks';
import { LineChart } from '../components/line-chart.js';
import type { AccountDetail } from '../types.js';

const percent = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Use against the account's own usual level (the last 7 whole days against the same weekdays of
 * the weeks before; 100% is usual) and the share of seats active in 28 days, by account day.
 */
export function UsageChart(props: { series: NonNullable<AccountDetail['series']> }) {
  const { series } = props;
  const chart = useMemo(() => {
    const x = series.activeUsers.map((_, i) => series.fromDay + i);
    const seats = series.seatsActive28 ?? [];
    // More users than seats is above 100%: the axis grows to hold it rather than cutting the line.
    const top = Math.max(1, ...seats.filter((v): v is number => v !== null));
    return {
      x,
      top,
      lines: [
        { label: 'use vs usual', values: series.usageVsBaseline ?? [], color: '#0f766e' },
        { label: 'usual level', values: x.map(() => 1), color: '#94a3b8', dash: [4, 4] },
        { label: 'seats active (28 days)', values: seats, color: '#9333ea', dash: [6, 4] },
      ],
    };
  }, [series]);
  return <LineChart title="Use against its usual level, and seats in use" x={chart.x} lines={chart.lines} yLabel="share" yRange={[0, chart.top]} format={percent} />;
}

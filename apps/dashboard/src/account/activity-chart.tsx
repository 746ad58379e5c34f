import { useMemo } from 'preact/hooks';
import { LineChart } from '../components/line-chart.js';
import type { AccountDetail } from '../types.js';

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Daily active users (left axis) and seat activation (right axis) over the account's days (uPlot). */
export function ActivityChart(props: { series: NonNullable<AccountDetail['series']> }) {
  const { series } = props;
  const chart = useMemo(
    () => ({
      // Seat activation above 100% (more users than seats): the axis grows to hold it.
      top: Math.max(1, ...series.seatActivation.filter((v): v is number => v !== null)),
      x: series.activeUsers.map((_, i) => series.fromDay + i),
      lines: [
        { label: 'active users', values: series.activeUsers, color: '#0f766e' },
        { label: 'seat activation', values: series.seatActivation, color: '#9333ea', scale: 'y2' as const, dash: [6, 4] },
      ],
    }),
    [series],
  );
  return <LineChart title="Active users and seat activation by day" x={chart.x} lines={chart.lines} yLabel="users" y2Label="seats" y2Range={[0, chart.top]} format2={percent} />;
}

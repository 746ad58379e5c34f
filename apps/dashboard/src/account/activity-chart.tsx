import { useMemo } from 'preact/hooks';
import { LineChart } from '../components/line-chart.js';
import { shareScale } from '../components/share-scale.js';
import type { AccountDailySeries } from '@waymark/core';

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Daily active users (left axis) and seat activation (right axis) over the account's days (uPlot). */
export function ActivityChart(props: { series: AccountDailySeries }) {
  const { series } = props;
  const chart = useMemo(() => {
    // More users than seats puts seat activation over 100%: the axis holds it (see shareScale).
    const seats = shareScale([series.seatActivation]);
    return {
      seats,
      x: series.activeUsers.map((_, i) => series.fromDay + i),
      lines: [
        { label: 'active users', values: series.activeUsers, color: '#0f766e' },
        { label: 'seat activation', values: seats.drawn[0]!, shown: series.seatActivation, color: '#9333ea', scale: 'y2' as const, dash: [6, 4] },
      ],
    };
  }, [series]);
  return (
    <>
      <LineChart
        title="Active users and seat activation by day"
        x={chart.x}
        lines={chart.lines}
        yLabel="users"
        y2Label="seats"
        y2Range={[0, chart.seats.top]}
        format2={percent}
      />
      {chart.seats.clipped && (
        <p class="muted small chart-note">Seat activation over {percent(chart.seats.top)} is drawn at the top; the legend shows the true value.</p>
      )}
    </>
  );
}

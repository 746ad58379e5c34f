import { useMemo } from 'preact/hooks';
import { LineChart } from '../components/line-chart.js';
import { shareScale } from '../components/share-scale.js';
import type { AccountDailySeries } from '@waymark/core';

const percent = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Use against the account's own usual level (the last 7 days against the same weekdays of the
 * weeks before; the dashed line at 100% is usual) and the share of seats active in the 28 days up
 * to each day, by account day (uPlot).
 */
export function UsageChart(props: { series: AccountDailySeries }) {
  const { series } = props;
  const chart = useMemo(() => {
    const x = series.activeUsers.map((_, i) => series.fromDay + i);
    const usage = series.usageVsBaseline ?? x.map(() => null);
    const seats = series.seatsActive28 ?? x.map(() => null);
    const scale = shareScale([usage, seats]);
    return {
      x,
      scale,
      noBaseline: usage.every((v) => v === null),
      lines: [
        { label: 'use vs usual', values: scale.drawn[0]!, shown: usage, color: '#0f766e' },
        { label: 'seats active (28 days)', values: scale.drawn[1]!, shown: seats, color: '#9333ea', dash: [6, 4] },
        { label: 'usual level', values: x.map(() => 1), color: '#94a3b8', dash: [2, 3] },
      ],
    };
  }, [series]);
  return (
    <>
      <LineChart
        title="Use against its usual level, and seats active in 28 days"
        x={chart.x}
        lines={chart.lines}
        yLabel="share"
        yRange={[0, chart.scale.top]}
        format={percent}
      />
      {chart.noBaseline && <p class="muted small chart-note">The usual level needs 14 days of use; this account has not had them yet.</p>}
      {chart.scale.clipped && (
        <p class="muted small chart-note">Values over {percent(chart.scale.top)} are drawn at the top; the legend shows the true value.</p>
      )}
    </>
  );
}

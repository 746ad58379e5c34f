import { useMemo } from 'preact/hooks';
import { HealthBadge } from '../components/health-badge.js';
import { LineChart } from '../components/line-chart.js';
import { label, num } from '../format.js';
import type { AccountDetail } from '@waymark/core';
import { ColumnHeads } from '../components/column-heads.js';

/** Health now with each weighted component and the top negative driver, and its daily history (uPlot). */
export function HealthPanel(props: { health: AccountDetail['health']; history: AccountDetail['history'] }) {
  const { health, history } = props;
  const chart = useMemo(
    () => ({
      x: history.map((h) => h.day),
      lines: [{ label: 'health', values: history.map((h) => h.health), color: '#2563eb' }],
    }),
    [history],
  );
  const totalWeight = health.components.reduce((n, c) => n + c.weight, 0) || 1;
  return (
    <div class="grid-2">
      <div>
        <p class="health-big">
          <HealthBadge score={health.score} band={health.band} change7d={health.change7d} />
          {health.driver && (
            <span>
              Top driver: <strong>{label(health.driver)}</strong>
              {health.reason && <span class="why"> ({health.reason})</span>}
            </span>
          )}
        </p>
        <table class="table compact">
          <caption class="sr-only">Health components</caption>
          <ColumnHeads columns={['Component', 'Score', { label: 'Weight', class: 'num' }, { label: 'Costs', class: 'num' }]} />
          <tbody>
            {health.components.map((c) => (
              <tr key={c.component} class={c.component === health.driver ? 'driver' : undefined}>
                <th scope="row">
                  {label(c.component)}
                  {c.component === health.driver && <span class="pill status-overdue">driver</span>}
                </th>
                <td>
                  <span class="meter" aria-hidden="true">
                    <span class={`meter-fill ${c.value >= 76 ? 'good' : c.value > 50 ? 'warn' : 'bad'}`} style={{ width: `${c.value}%` }} />
                  </span>{' '}
                  {num(c.value)}
                </td>
                <td class="num">{Math.round((c.weight / totalWeight) * 100)}%</td>
                <td class="num" title="points of health this component costs">
                  −{num(c.shortfall / totalWeight)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length > 0 ? (
        <LineChart title="Health by day" x={chart.x} lines={chart.lines} yRange={[0, 100]} />
      ) : (
        <p class="notice">No health history yet.</p>
      )}
    </div>
  );
}

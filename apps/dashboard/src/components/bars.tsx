import { pct } from '../format.js';

/** A horizontal bar chart of counts (funnels): each bar's share of the largest, with the count and a ratio. */
export function Bars(props: { rows: Array<{ label: string; value: number; ratio?: number | undefined; tone?: 'good' | 'bad' | 'neutral' }>; caption: string }) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <table class="bars">
      <caption class="sr-only">{props.caption}</caption>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td class="bars-track">
              <span class={`bars-fill tone-${r.tone ?? 'neutral'}`} style={{ width: `${(r.value / max) * 100}%` }} />
            </td>
            <td class="num">{r.value}</td>
            <td class="num muted">{r.ratio === undefined ? '' : pct(r.ratio)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

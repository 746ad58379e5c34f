import { label } from '../format.js';

/** A health score in its band's colour, with the 7-day change as an arrow. */
export function HealthBadge(props: { score: number | null; band: string | null; change7d?: number | null }) {
  const c = props.change7d;
  const arrow = c === null || c === undefined ? '' : c > 2 ? '▲' : c < -2 ? '▼' : '▶';
  const trend = c === null || c === undefined ? 'no 7-day change yet' : `${c > 0 ? '+' : ''}${c} in 7 days`;
  return (
    <span class="health">
      <span class={`badge band-${props.band ?? 'none'}`} title={props.band ? `${props.band} band` : 'no score yet'}>
        {props.score ?? '—'}
        <span class="sr-only"> ({props.band ?? 'no'} band)</span>
      </span>
      {arrow && (
        <span class={`trend ${c! > 2 ? 'up' : c! < -2 ? 'down' : 'flat'}`} title={trend}>
          <span aria-hidden="true">{arrow}</span> {c! > 0 ? `+${c}` : c}
          <span class="sr-only"> {trend}</span>
        </span>
      )}
    </span>
  );
}

/** A band's name with its colour swatch, for legends. */
export function BandName(props: { band: string }) {
  return <span class={`band-dot band-${props.band}`}>{label(props.band)}</span>;
}

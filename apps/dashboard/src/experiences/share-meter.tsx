import { pct } from '../format.js';

/** A count with its share as a small meter: "12 · 40%". The share is hidden when there is no denominator. */
export function ShareMeter(props: { count: number; share: number | undefined; tone?: 'good' | 'info' | 'warn'; label: string }) {
  return (
    <span class="share-meter">
      <span class="num">{props.count}</span>
      {props.share !== undefined && (
        <>
          <span class="meter" aria-hidden="true">
            <span class={`meter-fill ${props.tone ?? 'info'}`} style={{ width: `${Math.min(1, props.share) * 100}%` }} />
          </span>
          <span class="muted">
            {pct(props.share)}
            <span class="sr-only"> {props.label}</span>
          </span>
        </>
      )}
    </span>
  );
}

import { label } from '../format.js';
import type { AccountDetail } from '@waymark/core';

const span = 90;
const at = (day: number) => `${(Math.min(span, Math.max(0, day)) / span) * 100}%`;

/**
 * The first 90 days as a track: each milestone's target day (a hollow marker) and the day it was
 * reached (a filled one, in its status colour), and today. Listed as text too, for screen readers.
 */
export function MilestoneTimeline(props: { milestones: AccountDetail['milestones']; day: number }) {
  const ticks = [0, 7, 14, 30, 60, 90];
  return (
    <div class="timeline">
      <div class="timeline-track" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} class="timeline-tick" style={{ left: at(t) }}>
            <span>{t}</span>
          </span>
        ))}
        {props.day <= span && <span class="timeline-today" style={{ left: at(props.day) }} title={`today: day ${props.day}`} />}
      </div>
      <ol class="timeline-rows">
        {props.milestones.map((m) => (
          <li key={m.key} class="timeline-row">
            <span class="timeline-name">{m.name}</span>
            <span class="timeline-lane" aria-hidden="true">
              {m.reachedDay !== null && m.targetDay !== null && (
                <span
                  class={`timeline-gap status-${m.status}`}
                  style={{
                    left: at(Math.min(m.reachedDay, m.targetDay)),
                    width: `${(Math.abs(Math.min(span, m.reachedDay) - Math.min(span, m.targetDay)) / span) * 100}%`,
                  }}
                />
              )}
              {m.targetDay !== null && <span class="timeline-target" style={{ left: at(m.targetDay) }} title={`target: day ${m.targetDay}`} />}
              {m.reachedDay !== null && (
                <span class={`timeline-reached status-${m.status}`} style={{ left: at(m.reachedDay) }} title={`reached: day ${m.reachedDay}`} />
              )}
            </span>
            <span class={`pill status-${m.status}`}>
              {label(m.status)}
              <span class="sr-only">
                {' '}
                — target day {m.targetDay ?? 'none'}, {m.reachedDay === null ? 'not reached yet' : `reached on day ${m.reachedDay}`}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <p class="legend muted small">
        <span class="legend-target" aria-hidden="true" /> target day <span class="legend-reached" aria-hidden="true" /> reached{' '}
        <span class="legend-today" aria-hidden="true" /> today (day {props.day})
      </p>
    </div>
  );
}

/** "Day N of 90" with a small bar; past day 90 the account has graduated. */
export function DayProgress(props: { day: number; phase: string }) {
  const graduated = props.phase !== 'onboarding';
  return (
    <span class="day">
      <span class="day-text">{graduated ? `Day ${props.day} (graduated)` : `Day ${props.day} of 90`}</span>
      <span class="bar" aria-hidden="true">
        <span class={graduated ? 'bar-fill graduated' : 'bar-fill'} style={{ width: `${Math.min(100, Math.max(0, (props.day / 90) * 100))}%` }} />
      </span>
    </span>
  );
}

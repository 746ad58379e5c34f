import { date, daysBetween, flagText, plural } from '../format.js';
import type { AccountFlag, ClearedFlag } from '@waymark/core';

// Cleared stretches shown before the rest fold away under "Earlier".
const shownCleared = 8;

/** One flag: its chip, since when (and until when, once cleared), and why. */
function FlagEntry(props: { flag: AccountFlag | ClearedFlag; names: ReadonlyMap<string, string> }) {
  const f = props.flag;
  const clearedAt = 'clearedAt' in f ? f.clearedAt : undefined;
  const open = clearedAt === undefined;
  return (
    <li class={open ? 'flag-open' : 'flag-cleared'}>
      <span class={`chip flag-${open ? f.kind : 'done'}`}>{flagText(f, props.names)}</span>{' '}
      {open ? (
        <span class="flag-dates">since {date(f.since)}</span>
      ) : (
        <span class="flag-dates">
          {date(f.since)} → {date(clearedAt)} <span class="muted">({plural(daysBetween(f.since, clearedAt), 'day')})</span>
        </span>
      )}
      {f.reason && <span class="flag-reason"> · {f.reason}</span>}
    </li>
  );
}

/** The flag history: the open flags first (most pressing first, since when and why), then every stretch a flag held and ended, latest first. */
export function FlagHistory(props: { open: AccountFlag[]; cleared: ClearedFlag[]; names: ReadonlyMap<string, string> }) {
  const { open, cleared, names } = props;
  if (open.length === 0 && cleared.length === 0) return <p class="notice">No flags raised.</p>;
  const entry = (f: AccountFlag | ClearedFlag) => <FlagEntry key={`${f.key}-${f.since}`} flag={f} names={names} />;
  return (
    <>
      {open.length === 0 && <p class="notice">No flag is open now.</p>}
      <ul class="flag-list flag-history">
        {open.map(entry)}
        {cleared.slice(0, shownCleared).map(entry)}
      </ul>
      {cleared.length > shownCleared && (
        <details class="flag-earlier">
          <summary>Earlier ({cleared.length - shownCleared})</summary>
          <ul class="flag-list flag-history">{cleared.slice(shownCleared).map(entry)}</ul>
        </details>
      )}
    </>
  );
}

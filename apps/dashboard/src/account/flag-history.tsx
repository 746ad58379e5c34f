import { date, flagText } from '../format.js';
import type { Flag } from '../types.js';

/** The open flags (since when, and why), then every stretch a flag held and ended. */
export function FlagHistory(props: { open: Flag[]; cleared: Flag[] }) {
  return (
    <>
      {props.open.length === 0 ? (
        <p class="notice">No flags raised.</p>
      ) : (
        <ul class="flag-list">
          {props.open.map((f) => (
            <li key={f.key}>
              <span class={`chip flag-${f.kind}`}>{flagText(f)}</span> since {date(f.since)}
              {f.reason && <span class="flag-reason">: {f.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      {props.cleared.length > 0 && (
        <>
          <h3 class="small-heading">History</h3>
          <table class="table compact flag-history">
            <caption class="sr-only">Flags that ended, latest first</caption>
            <thead>
              <tr>
                <th scope="col">Flag</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Last reason</th>
              </tr>
            </thead>
            <tbody>
              {props.cleared.map((f) => (
                <tr key={`${f.key}-${f.since}`}>
                  <td>{flagText(f)}</td>
                  <td>{date(f.since)}</td>
                  <td>{date(f.clearedAt)}</td>
                  <td class="muted">{f.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

import { adminUrl } from '../api.js';
import { Status } from '../components/status.js';
import { date, label } from '../format.js';
import type { AccountUser } from '@waymark/core';
import { useResource } from '../use-resource.js';
import { ColumnHeads } from '../components/column-heads.js';

const nameOf = (u: AccountUser) => {
  const t = u.traits;
  const name = typeof t['name'] === 'string' ? t['name'] : typeof t['email'] === 'string' ? t['email'] : undefined;
  return name ?? u.userId ?? `visitor ${u.anonymousId?.slice(0, 8) ?? ''}`;
};

/** The account's users, most recently seen first, with checklist progress and where they are stuck. */
export function UsersTable(props: { appId: string; accountId: string }) {
  const users = useResource<{ users: AccountUser[]; total: number }>(
    adminUrl(props.appId, `accounts/${encodeURIComponent(props.accountId)}/users`, { limit: 100 }),
  );
  const d = users.data;
  if (!d) return <Status loading={users.loading} error={users.error} />;
  if (d.users.length === 0) return <p class="notice">No users yet.</p>;
  return (
    <div class="table-wrap">
      <table class="table compact users">
        <caption class="sr-only">Users of the account</caption>
        <ColumnHeads columns={['User', 'Checklists', 'Stuck', 'Last seen']} />
        <tbody>
          {d.users.map((u) => (
            <tr key={u.userId ?? u.anonymousId}>
              <th scope="row">
                {nameOf(u)}
                {typeof u.traits['role'] === 'string' && <div class="muted small">{u.traits['role'] as string}</div>}
              </th>
              <td>
                {u.checklists.map((c) => (
                  <div key={c.key} class="check-progress" title={c.key}>
                    <span class="meter" aria-hidden="true">
                      <span class={`meter-fill ${c.complete ? 'good' : 'info'}`} style={{ width: `${c.total ? (c.done / c.total) * 100 : 0}%` }} />
                    </span>{' '}
                    {c.complete ? 'done' : `${c.done}/${c.total}`}
                    <span class="sr-only"> of {c.key}</span>
                  </div>
                ))}
              </td>
              <td>
                {u.stuck.length === 0 ? (
                  <span class="muted">—</span>
                ) : (
                  u.stuck.map((s) => (
                    <div key={`${s.checklist}-${s.item}`} class="pill status-overdue" title={`since ${date(s.since)}`}>
                      {s.item} · {label(s.reason)} since {date(s.since)}
                    </div>
                  ))
                )}
              </td>
              <td>{date(u.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.total > d.users.length && (
        <p class="muted small">
          Showing the {d.users.length} most recently seen of {d.total} users.
        </p>
      )}
    </div>
  );
}

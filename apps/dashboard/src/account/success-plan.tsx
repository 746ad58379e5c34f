import { useState } from 'preact/hooks';
import { api, ApiFailure, adminUrl } from '../api.js';
import { ChoiceSelect, milestoneChoices } from '../components/choice-select.js';
import { Status } from '../components/status.js';
import { dateTime, label } from '../format.js';
import type { GoalView, PlanBody, SuccessPlanView, WaymarkConfigInput } from '@waymark/core';
import { useResource } from '../use-resource.js';
import { ColumnHeads } from '../components/column-heads.js';

interface Draft {
  milestone: string;
  dueDay: string;
  owner: string;
  note: string;
}

const toDraft = (g: GoalView): Draft => ({ milestone: g.milestone, dueDay: String(g.dueDay), owner: g.owner ?? '', note: g.note ?? '' });

/** The account's success plan: goals with status; Edit turns them into a form saved with PUT (or reset to the default). */
export function SuccessPlan(props: { appId: string; accountId: string; config: WaymarkConfigInput | undefined }) {
  const url = adminUrl(props.appId, `accounts/${encodeURIComponent(props.accountId)}/plan`);
  const plan = useResource<SuccessPlanView>(url);
  const [draft, setDraft] = useState<Draft[] | undefined>();
  const [error, setError] = useState<ApiFailure | undefined>();
  const [busy, setBusy] = useState(false);
  const milestones = props.config?.milestones ?? [];

  const save = async (goals: PlanBody['goals']) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(url, { method: 'PUT', body: { goals, by: 'dashboard' } });
      setDraft(undefined);
      plan.reload();
    } catch (e) {
      setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'network', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void save(
      (draft ?? []).map((d) => ({
        milestone: d.milestone,
        dueDay: Number(d.dueDay),
        ...(d.owner.trim() ? { owner: d.owner.trim() } : {}),
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
      })),
    );
  };
  const update = (i: number, change: Partial<Draft>) => setDraft(draft!.map((d, j) => (i === j ? { ...d, ...change } : d)));
  const p = plan.data;

  if (!p) return <Status loading={plan.loading} error={plan.error} />;
  if (draft)
    return (
      <form class="plan-form" onSubmit={submit} aria-label="Edit success plan">
        <table class="table compact">
          <ColumnHeads columns={['Milestone', 'Due day', 'Owner', 'Note', { label: <span class="sr-only">Remove</span> }]} />
          <tbody>
            {draft.map((d, i) => (
              <tr key={i}>
                <td>
                  <ChoiceSelect
                    ariaLabel={`Goal ${i + 1} milestone`}
                    value={d.milestone}
                    choices={milestoneChoices(milestones)}
                    onChange={(milestone) => update(i, { milestone })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Goal ${i + 1} due day`}
                    type="number"
                    min={0}
                    max={365}
                    required
                    class="short"
                    value={d.dueDay}
                    onInput={(e) => update(i, { dueDay: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input aria-label={`Goal ${i + 1} owner`} value={d.owner} onInput={(e) => update(i, { owner: e.currentTarget.value })} />
                </td>
                <td>
                  <input aria-label={`Goal ${i + 1} note`} value={d.note} onInput={(e) => update(i, { note: e.currentTarget.value })} />
                </td>
                <td>
                  <button type="button" class="button-quiet" onClick={() => setDraft(draft.filter((_, j) => j !== i))} aria-label={`Remove goal ${i + 1}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Status error={error} />
        <div class="button-row">
          <button
            type="button"
            class="button-quiet"
            disabled={milestones.length === 0}
            onClick={() => setDraft([...draft, { milestone: milestones[0]?.key ?? '', dueDay: String(milestones[0]?.targetDay ?? 30), owner: '', note: '' }])}
          >
            Add goal
          </button>
          <span class="spacer" />
          <button type="button" class="button-quiet" onClick={() => setDraft(undefined)}>
            Cancel
          </button>
          <button type="submit" class="button" disabled={busy}>
            Save plan
          </button>
        </div>
      </form>
    );

  return (
    <div>
      <p class="muted small">
        {p.source === 'default'
          ? `The default plan for ${p.segment ? `segment ${p.segment}` : 'every account'}.`
          : `Edited by ${p.updatedBy ?? '?'} on ${dateTime(p.updatedAt)}.`}
      </p>
      {p.goals.length === 0 ? (
        <p class="notice">No goals.</p>
      ) : (
        <table class="table compact plan">
          <ColumnHeads columns={['Goal', 'Due', 'Status', 'Owner', { label: 'Note', class: 'hide-narrow' }]} />
          <tbody>
            {p.goals.map((g) => (
              <tr key={g.milestone}>
                <th scope="row">{g.name ?? g.milestone}</th>
                <td>
                  day {g.dueDay}
                  {g.daysLeft !== null && g.daysLeft !== undefined && g.status !== 'done' && (
                    <span class="muted small"> ({g.daysLeft >= 0 ? `${g.daysLeft} days left` : `${-g.daysLeft} days late`})</span>
                  )}
                </td>
                <td>
                  <span class={`pill status-${g.status}`}>{label(g.status)}</span>
                </td>
                <td>{g.owner ?? <span class="muted">—</span>}</td>
                <td class="hide-narrow">{g.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Status error={error} />
      <div class="button-row">
        <button type="button" class="button" onClick={() => setDraft(p.goals.map(toDraft))}>
          Edit plan
        </button>
        {p.source === 'account' && (
          <button type="button" class="button-quiet" disabled={busy} onClick={() => save(null)}>
            Reset to default
          </button>
        )}
      </div>
      {p.log.length > 0 && (
        <details class="plan-log">
          <summary>Changes ({p.log.length})</summary>
          <ul>
            {p.log.map((l) => (
              <li key={l.at}>
                {dateTime(l.at)} · {l.by} · {l.goals === null ? 'reset to default' : `${l.goals.length} goals`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

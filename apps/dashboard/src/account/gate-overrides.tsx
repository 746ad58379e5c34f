import { useState } from 'preact/hooks';
import { api, ApiFailure, adminUrl } from '../api.js';
import { Status } from '../components/status.js';
import { dateTime } from '../format.js';
import type { GateOverrideList as Overrides, WaymarkConfigInput } from '@waymark/core';
import { useResource } from '../use-resource.js';

const stateText = (s: string | null | undefined) => (s === 'unlock' ? 'Unlocked' : s === 'lock' ? 'Locked' : 'No override');

/** One gate: its override for this account, buttons to unlock, lock or clear it, and who changed it when. */
function GateRow(props: { appId: string; accountId: string; gate: { key: string; name?: string } }) {
  const url = adminUrl(props.appId, `gates/${encodeURIComponent(props.gate.key)}/overrides`);
  const data = useResource<Overrides>(url);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>();
  const mine = (e: { scope: string; subjectId: string }) => e.scope === 'account' && e.subjectId === props.accountId;
  const current = data.data?.overrides.find(mine)?.state ?? null;
  const log = (data.data?.log ?? []).filter(mine).slice(0, 8);
  const set = async (state: 'unlock' | 'lock' | null) => {
    setBusy(true);
    setError(undefined);
    try {
      // `by` is recorded as the session's email whatever is sent; the field is still required.
      await api(url, { method: 'PUT', body: { accountId: props.accountId, state, by: 'dashboard' } });
      data.reload();
    } catch (e) {
      setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'network', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const name = props.gate.name ?? props.gate.key;
  return (
    <li class="gate" data-gate={props.gate.key}>
      <div class="gate-head">
        <div>
          <strong>{name}</strong> <code class="muted small">{props.gate.key}</code>
          <div>
            <span class={`pill override-${current ?? 'none'}`}>{stateText(current)}</span>
          </div>
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: three buttons in a row, not a form section */}
        <div class="button-group" role="group" aria-label={`Override for ${name}`}>
          <button type="button" class="button-quiet" disabled={busy || current === 'unlock'} onClick={() => set('unlock')}>
            Unlock
          </button>
          <button type="button" class="button-quiet" disabled={busy || current === 'lock'} onClick={() => set('lock')}>
            Lock
          </button>
          <button type="button" class="button-quiet" disabled={busy || current === null} onClick={() => set(null)}>
            Clear
          </button>
        </div>
      </div>
      <Status error={error ?? data.error} />
      {log.length > 0 && (
        <table class="table compact log">
          <caption class="sr-only">Override log of {name}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {log.map((e) => (
              <tr key={`${e.at}-${e.state}`}>
                <td>{dateTime(e.at)}</td>
                <td>{e.by}</td>
                <td>
                  {stateText(e.previous)} → {stateText(e.state)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** Every gate of the app's config with this account's override. */
export function GateOverridesPanel(props: { appId: string; accountId: string; config: WaymarkConfigInput | undefined }) {
  const gates = props.config?.gates ?? [];
  const features = new Map((props.config?.features ?? []).map((f) => [f.key, f.name]));
  if (gates.length === 0) return <p class="notice">The app's config has no gates.</p>;
  return (
    <ul class="gates">
      {gates.map((g) => (
        <GateRow key={g.key} appId={props.appId} accountId={props.accountId} gate={{ key: g.key, name: features.get(g.key) ?? g.key }} />
      ))}
    </ul>
  );
}

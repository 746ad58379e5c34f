import { Link } from '../components/link.js';
import type { CsmSession } from '@waymark/core';

/** The apps this CSM may see, when there is more than one. */
export function AppPicker(props: { apps: CsmSession['apps'] }) {
  return (
    <section class="narrow">
      <h1>Choose an app</h1>
      {props.apps.length === 0 ? (
        <p class="notice">No app has been shared with you yet. Ask an admin to grant you one (waymark-collector csm grant).</p>
      ) : (
        <ul class="app-list">
          {props.apps.map((a) => (
            <li key={a.appId}>
              <Link to={`/a/${encodeURIComponent(a.appId)}/portfolio`} class="card app-card">
                <strong>{a.name}</strong>
                <span class="muted">{a.appId}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

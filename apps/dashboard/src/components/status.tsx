import type { ApiFailure } from '../api.js';

/** Loading and error lines shared by the views. */
export function Status(props: { loading?: boolean; error?: ApiFailure | undefined; empty?: string | false }) {
  if (props.error)
    return (
      <p class="notice notice-error" role="alert">
        {props.error.message}
      </p>
    );
  if (props.loading)
    return (
      <p class="notice" aria-live="polite">
        Loading…
      </p>
    );
  if (props.empty) return <p class="notice">{props.empty}</p>;
  return null;
}

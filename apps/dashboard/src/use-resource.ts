import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from './api.js';

/** A GET that re-runs when its URL changes; `reload` fetches again. Stale answers are dropped. */
export function useResource<T>(url: string | undefined): { data: T | undefined; error: ApiFailure | undefined; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: ApiFailure; loading: boolean }>({ loading: url !== undefined });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (url === undefined) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(url).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live && setState({ error: error instanceof ApiFailure ? error : new ApiFailure(0, 'network', (error as Error).message), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
